// Attributes on declarations they do not apply to; Objective-C ones on Linux.
@discardableResult
var total = 0

@frozen
class Box {}

@inline(never)
struct Wrapper {}

@objc
class Legacy {}

class Widget {
    @objc func tap() {}
}
