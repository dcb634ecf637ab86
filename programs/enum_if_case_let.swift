// Matching a single case with if case, if case let, and guard case.
enum Message {
    case text(String)
    case number(Int)
    case ping
}

let inbox: [Message] = [.text("hi"), .number(42), .ping, .text("bye"), .number(-1)]
for m in inbox {
    if case let .text(s) = m {
        print("text: \(s)")
    } else if case .number(let n) = m, n > 0 {
        print("positive number: \(n)")
    } else if case .ping = m {
        print("ping")
    } else {
        print("other: \(m)")
    }
}

func firstText(_ ms: [Message]) -> String {
    for m in ms {
        guard case .text(let s) = m else {
            continue
        }
        return s
    }
    return "none"
}
print(firstText(inbox))
print(firstText([.ping]))

var sum = 0
for m in inbox {
    if case let .number(n) = m {
        sum += n
    }
}
print(sum)
let last = inbox[inbox.count - 1]
if case .number = last {
    print("last is a number")
}
