// A closure held by a variable it captures: the closure and the variable's box form a cycle.
func countdown() {
    var step: ((Int) -> Void)? = nil
    step = { n in
        if n > 0 {
            print(n)
            step?(n - 1)
        }
    }
    step?(3)
}

countdown()
