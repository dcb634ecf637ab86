// Array basics: literals, repeating, subscripts, index ranges, first/last.
let nums = [10, 20, 30, 40, 50]
print(nums)
print(nums.count, nums.isEmpty)
print(nums[0], nums[4])
print(nums[1...3])
print(Array(nums[0..<2]))
print(nums.first!, nums.last!)
print(nums.first, [Int]().last)
let zeros = Array(repeating: 0, count: 4)
print(zeros)
let words = Array(repeating: "ab", count: 2)
print(words)
var grid = [[Int]]()
grid.append([1, 2])
grid.append([3])
print(grid, grid.count, grid[0].count)
let empty: [String] = []
print(empty, empty.isEmpty, empty.count)
var m = nums
m[0] = 99
print(m[0], nums[0])
print(nums + [60])
let middle = nums[1..<4]
print(middle.count, middle.first!)
let typed: [Double] = [1, 2.5]
print(typed)
let mixed = [[1], [2, 3], []]
print(mixed.count, mixed[2].isEmpty)
