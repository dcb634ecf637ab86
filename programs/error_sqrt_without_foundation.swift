// Foundation's sqrt is not visible without `import Foundation`.
let root = sqrt(16.0)
print(root)
