// Set algebra and append(contentsOf:) take any sequence, of the collection's element type
// (issue 14, item 9): a String's Characters do not go into a Set<Int>.
var s: Set<Int> = [1, 2]
let words = ["a", "b"]
let u = s.union("ab")
let d = s.symmetricDifference(words)
s.formUnion("xy")
var a = [1, 2]
a.append(contentsOf: "cd")
a.append(contentsOf: words)
print(u, d, a)
