// Labeled statements with break and continue.
outer: for i in 1...3 {
    for j in 1...3 {
        if j == 2 {
            continue outer
        }
        if i == 3 {
            break outer
        }
        print(i, j)
    }
}
print("after outer")
var found: (Int, Int)? = nil
search: for a in 1...9 {
    for b in a...9 {
        if a * b == 24 {
            found = (a, b)
            break search
        }
    }
}
print(found!)
var count = 0
loop: while true {
    count += 1
    switch count {
    case 3:
        continue loop
    case 5:
        break loop
    default:
        print("count", count)
    }
}
print("stopped at", count)
var attempts = 0
retry: repeat {
    attempts += 1
    if attempts < 3 {
        continue retry
    }
    print("succeeded after", attempts)
} while attempts < 3
check: if count > 0 {
    if count == 5 {
        break check
    }
    print("not printed")
}
print("done")
