#!/usr/bin/env swift
// A first line starting with `#!` is ignored, as Swift does for scripts.
print("shebang ok")
let n = 2
print(n * 21)
