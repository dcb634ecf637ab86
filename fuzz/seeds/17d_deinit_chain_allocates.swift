class Link {
    var next: Link?
    init(next: Link?) { self.next = next }
    deinit { let s = [1, 2, 3].map { $0 * 2 }; if s.isEmpty { print(s) } }
}
var head: Link? = nil
for _ in 0..<100_000 { head = Link(next: head) }
head = nil
print("freed")
