// An object that holds itself.
class Session {
    var current: Session?
    let id: Int
    init(id: Int) { self.id = id }
    deinit { print("session \(id) closed") }
}

do {
    let s = Session(id: 7)
    s.current = s
}
print("end of scope")
