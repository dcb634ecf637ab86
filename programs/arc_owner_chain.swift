// A chain of owners (A owns B owns C): releasing the head releases each link in turn.
class C {
    init() {
        print("C init")
    }
    deinit {
        print("C deinit")
    }
}

class B {
    let c = C()
    init() {
        print("B init")
    }
    deinit {
        print("B deinit")
    }
}

class A {
    let b = B()
    init() {
        print("A init")
    }
    deinit {
        print("A deinit")
    }
}

var a: A? = A()
print("chain built")
a = nil
print("chain released")
var b: B? = nil
do {
    let a2 = A()
    b = a2.b
    print("holding b")
}
print("a2 gone")
b = nil
print("end")
