// Each branch of an `if` or `switch` expression is a single expression.
let ready = true
let a = if ready { print("checking"); print("done") } else { 1 }
let b = if ready { } else { 2 }
for i in 0..<3 {
    let c = if i > 1 { break } else { i }
    print(c)
}
