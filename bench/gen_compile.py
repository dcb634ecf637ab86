#!/usr/bin/env python3
"""Generate the compile-speed inputs: a SwiftLang program and an equivalent Lua file of
exactly LINES lines each (default 10,000).

Both files declare functions (and, every fourth block, a struct in Swift / a metatable
"class" in Lua) that are never called, so running the Swift file costs start-up plus
lexing, parsing, type checking and bytecode compilation, and almost nothing at run time.
The Lua file is compiled with `luac5.4 -p` (parse and generate code, write nothing).

usage: gen_compile.py OUT_DIR [LINES]   -> OUT_DIR/compile.swift, OUT_DIR/compile.lua
"""
import os
import sys

BLOCK = 13  # lines per block, blank separator included


def swift_function(k):
    prev = f"f{k - 1}(i, a)" if k > 0 else "i * 2"
    return [
        f"func f{k}(_ a: Int, _ b: Int) -> Int {{",
        f"    var total = a * {k % 97 + 3} + b",
        "    for i in 0..<b {",
        "        if i % 2 == 0 {",
        "            total += i * a",
        "        } else {",
        f"            total -= {prev}",
        "        }",
        "    }",
        f'    let label = "f{k}: \\(total)"',
        "    return total + label.count",
        "}",
        "",
    ]


def lua_function(k):
    prev = f"f{k - 1}(i, a)" if k > 0 else "i * 2"
    return [
        f"function f{k}(a, b)",
        f"    local total = a * {k % 97 + 3} + b",
        "    for i = 0, b - 1 do",
        "        if i % 2 == 0 then",
        "            total = total + i * a",
        "        else",
        f"            total = total - {prev}",
        "        end",
        "    end",
        f'    local label = "f{k}: " .. total',
        "    return total + #label",
        "end",
        "",
    ]


def swift_struct(k):
    return [
        f"struct S{k} {{",
        "    var x: Int",
        "    var name: String",
        "    func scaled(_ k: Int) -> Int {",
        "        return x * k + name.count",
        "    }",
        "    mutating func bump() {",
        "        x += 1",
        '        name += "!"',
        "    }",
        "}",
        f"// end of S{k}",
        "",
    ]


def lua_struct(k):
    return [
        f"S{k} = {{}}",
        f"S{k}.__index = S{k}",
        f"function S{k}.new(x, name)",
        f"    return setmetatable({{ x = x, name = name }}, S{k})",
        "end",
        f"function S{k}:scaled(k)",
        "    return self.x * k + #self.name",
        "end",
        f"function S{k}:bump()",
        "    self.x = self.x + 1",
        '    self.name = self.name .. "!"',
        "end",
        "",
    ]


def generate(lines):
    swift, lua = [], []
    k = 0
    last_function = None
    while len(swift) + BLOCK <= lines - 1:
        if k % 4 == 3:
            swift += swift_struct(k)
            lua += lua_struct(k)
        else:
            # functions call the previous *function*, so skip over struct blocks
            s = swift_function(k)
            l = lua_function(k)
            if last_function is None:
                s[6] = "            total -= i * 2"
                l[6] = "            total = total - i * 2"
            else:
                s[6] = f"            total -= f{last_function}(i, a)"
                l[6] = f"            total = total - f{last_function}(i, a)"
            swift += s
            lua += l
            last_function = k
        k += 1
    # pad with cheap top-level constants up to exactly `lines` lines
    c = 0
    while len(swift) < lines:
        swift.append(f"let c{c} = {c}")
        lua.append(f"c{c} = {c}")
        c += 1
    assert len(swift) == lines and len(lua) == lines
    return swift, lua


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    lines = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    swift, lua = generate(lines)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "compile.swift"), "w") as f:
        f.write("\n".join(swift) + "\n")
    with open(os.path.join(out, "compile.lua"), "w") as f:
        f.write("\n".join(lua) + "\n")


if __name__ == "__main__":
    main()
