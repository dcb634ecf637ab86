// Without a contextual type the branches are typed on their own and must agree; with one,
// each branch must convert to it.
let flag = true
let mixed = if flag { 1 } else { "one" }
let three = if flag { 1 } else if !flag { "two" } else { 3.0 }
let annotated: String = if flag { 1 } else { 2 }
let untyped = if flag { nil } else { 2 }
let choice = switch 2 {
case 1: "one"
case 2: 2.0
default: "many"
}
