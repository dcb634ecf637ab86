//! When is an entry finished? A small scanner over the text typed so far, so that the REPL
//! asks for another line (the continuation prompt) while a brace, bracket or parenthesis is
//! open, a multi-line string or block comment is unterminated, or the last line ends with a
//! binary operator (`let total = a +`).
//!
//! It only decides whether to read more: anything it lets through that does not parse gets
//! the compiler's error. It errs towards "complete" on text that cannot be right (a closer
//! that matches nothing, a single-line string cut off at the end of its line), so a mistake
//! never leaves the user stuck at the continuation prompt.
#![forbid(unsafe_code)]

/// An open construct.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Open {
    Paren,
    Bracket,
    Brace,
    /// `\(` inside a string literal: code until the matching `)`.
    Interpolation,
    /// `"`
    Str,
    /// `"""`
    MultiStr,
}

/// The last token outside strings and comments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Last {
    Nothing,
    Operand,
    /// An operator run; `spaced` when nothing it could apply to stands right before it.
    Operator {
        spaced: bool,
    },
}

const OPERATOR_CHARS: &[u8] = b"=-+*/%<>!&|^~?.";

/// Whether `text` is a whole entry (true) or needs more lines (false).
pub fn is_complete(text: &str) -> bool {
    let b = text.as_bytes();
    let mut stack: Vec<Open> = Vec::new();
    let mut last = Last::Nothing;
    // Whether the previous byte in code was whitespace, an opener or the start.
    let mut after_space = true;
    // `#if` blocks not yet closed by their `#endif`.
    let mut open_ifs = 0usize;
    let mut i = 0;
    while i < b.len() {
        let top = stack.last().copied();
        if matches!(top, Some(Open::Str | Open::MultiStr)) {
            let multi = top == Some(Open::MultiStr);
            match b[i] {
                b'\\' if b.get(i + 1) == Some(&b'(') => {
                    stack.push(Open::Interpolation);
                    i += 2;
                }
                b'\\' if !multi && b.get(i + 1) == Some(&b'\n') => i += 1,
                b'\\' => i += 2,
                b'"' if multi && b[i..].starts_with(b"\"\"\"") => {
                    stack.pop();
                    i += 3;
                    last = Last::Operand;
                    after_space = false;
                }
                b'"' if !multi => {
                    stack.pop();
                    i += 1;
                    last = Last::Operand;
                    after_space = false;
                }
                b'\n' if !multi => {
                    // A single-line string ends with its line (the lexer reports it).
                    stack.pop();
                    last = Last::Operand;
                }
                _ => i += 1,
            }
            continue;
        }
        let c = b[i];
        match c {
            b'#' if directive_at(b, i, b"#if") => {
                open_ifs += 1;
                i += 3;
                continue;
            }
            b'#' if raw_string_start(b, i).is_some() => match raw_string_end(b, i) {
                Some(end) => {
                    i = end;
                    last = Last::Operand;
                    after_space = false;
                    continue;
                }
                None => return false,
            },
            b'#' if directive_at(b, i, b"#endif") => {
                open_ifs = open_ifs.saturating_sub(1);
                i += 6;
                continue;
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                match skip_block_comment(b, i) {
                    Some(end) => i = end,
                    None => return false,
                }
                after_space = true;
                continue;
            }
            b'"' => {
                if b[i..].starts_with(b"\"\"\"") {
                    stack.push(Open::MultiStr);
                    i += 3;
                } else {
                    stack.push(Open::Str);
                    i += 1;
                }
                continue;
            }
            b'(' | b'[' | b'{' => {
                stack.push(match c {
                    b'(' => Open::Paren,
                    b'[' => Open::Bracket,
                    _ => Open::Brace,
                });
                last = Last::Nothing;
                after_space = true;
            }
            b')' | b']' | b'}' => {
                let matches = matches!(
                    (c, top),
                    (b')', Some(Open::Paren | Open::Interpolation))
                        | (b']', Some(Open::Bracket))
                        | (b'}', Some(Open::Brace))
                );
                if !matches {
                    // A closer that closes nothing: let the compiler say so.
                    return true;
                }
                stack.pop();
                last = Last::Operand;
                after_space = false;
            }
            b' ' | b'\t' | b'\r' | b'\n' | b',' | b';' | b':' => {
                after_space = true;
                if matches!(c, b',' | b';' | b':') {
                    last = Last::Nothing;
                }
            }
            _ if OPERATOR_CHARS.contains(&c) => {
                let spaced = after_space;
                while i < b.len() && OPERATOR_CHARS.contains(&b[i]) {
                    if b[i] == b'/' && matches!(b.get(i + 1), Some(b'/' | b'*')) {
                        break;
                    }
                    i += 1;
                }
                last = Last::Operator { spaced };
                after_space = false;
                continue;
            }
            _ => {
                last = Last::Operand;
                after_space = false;
            }
        }
        i += 1;
    }
    // An unterminated single-line string is an error, not a reason to wait.
    if let Some(pos) = stack.iter().rposition(|o| *o == Open::Str) {
        if !stack[pos..].contains(&Open::MultiStr) {
            return true;
        }
    }
    if !stack.is_empty() || open_ifs > 0 {
        return false;
    }
    // `a +` at the end: a binary (or prefix) operator still waits for its operand. A postfix
    // one (`x!`, `1...`) and a generic's `>` (`Set<Int>`) touch what is before them.
    !matches!(last, Last::Operator { spaced: true })
}

/// Whether the directive `word` (`#if`, `#endif`) starts at `i`, not followed by more of a
/// name (`#ifdef` is not `#if`).
fn directive_at(b: &[u8], i: usize, word: &[u8]) -> bool {
    b[i..].starts_with(word)
        && b.get(i + word.len())
            .is_none_or(|&c| !(c.is_ascii_alphanumeric() || c == b'_'))
}

/// If a string literal with an extended delimiter (`#"`, `##"""`) starts at `i`: its `#`s.
fn raw_string_start(b: &[u8], i: usize) -> Option<usize> {
    let hashes = b[i..].iter().take_while(|&&c| c == b'#').count();
    (b.get(i + hashes) == Some(&b'"')).then_some(hashes)
}

/// The end of the extended-delimiter string literal starting at `i`; `None` while a
/// multi-line one is still open (a single-line one ends with its line at the latest).
fn raw_string_end(b: &[u8], i: usize) -> Option<usize> {
    let hashes = raw_string_start(b, i)?;
    let quote = i + hashes;
    let multi = b[quote..].starts_with(b"\"\"\"");
    let mut close = if multi {
        b"\"\"\"".to_vec()
    } else {
        b"\"".to_vec()
    };
    close.extend(std::iter::repeat_n(b'#', hashes));
    let body = quote + if multi { 3 } else { 1 };
    let found = b[body..]
        .windows(close.len())
        .position(|w| w == close.as_slice());
    match found {
        Some(p) if multi || !b[body..body + p].contains(&b'\n') => Some(body + p + close.len()),
        _ if multi => None,
        _ => Some(
            b[body..]
                .iter()
                .position(|&c| c == b'\n')
                .map_or(b.len(), |p| body + p),
        ),
    }
}

/// The end of the (nested) block comment starting at `start`, or `None` if it is still open.
fn skip_block_comment(b: &[u8], start: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = start;
    while i < b.len() {
        if b[i..].starts_with(b"/*") {
            depth += 1;
            i += 2;
        } else if b[i..].starts_with(b"*/") {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return Some(i);
            }
        } else {
            i += 1;
        }
    }
    None
}

/// Whether a line holds nothing to evaluate (only whitespace).
pub fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::is_complete;

    #[test]
    fn statements_and_declarations() {
        for s in [
            "let x = 1",
            "print(1 + 2)",
            "x",
            "",
            "// just a comment",
            "func f() {}",
            "x!",
            "let r = 1...",
            "typealias S = Set<Int>",
            "a?.b",
            "f(x) { $0 }",
        ] {
            assert!(is_complete(s), "{s:?} is complete");
        }
    }

    #[test]
    fn open_brackets_wait() {
        for s in [
            "func f() {",
            "let a = [1,",
            "print(",
            "if x {\n  print(1)",
            "struct P {\n  var x: Int\n",
            "let d = [\"a\": (1,",
        ] {
            assert!(!is_complete(s), "{s:?} waits");
        }
        assert!(!is_complete("let s = #\"\"\"\na\n\"\"\""));
        assert!(is_complete("let s = #\"\"\"\na\n\"\"\"#"));
        assert!(is_complete("let s = #\"a\\\"#"));
        assert!(!is_complete("#if DEBUG\nprint(1)"));
        assert!(!is_complete("#if os(Linux)\n#if DEBUG\n#endif"));
        assert!(is_complete("#if DEBUG\nprint(1)\n#else\nprint(2)\n#endif"));
        assert!(is_complete("func f() {\n  return\n}"));
        assert!(is_complete("let a = [1,\n 2]"));
    }

    #[test]
    fn trailing_operators_wait() {
        for s in [
            "let x = 1 +",
            "a &&",
            "let y =",
            "x ?",
            "func f() ->",
            "let t = 1 + // more below",
        ] {
            assert!(!is_complete(s), "{s:?} waits");
        }
        assert!(is_complete("let x = 1 +\n 2"));
    }

    #[test]
    fn strings_and_comments() {
        assert!(is_complete("let s = \"{ ( [\""));
        assert!(is_complete("let s = \"a \\\" { b\""));
        assert!(!is_complete("let s = \"\"\"\n  hello {"));
        assert!(is_complete("let s = \"\"\"\n  hello {\n  \"\"\""));
        assert!(!is_complete("let s = \"\"\"\n  \\(f(1,"));
        assert!(is_complete("let s = \"\\(f(1))\""));
        assert!(!is_complete("/* open"));
        assert!(!is_complete("/* a /* b */"));
        assert!(is_complete("/* a /* b */ */ let x = 1"));
        assert!(is_complete("let s = \"// not a comment {\""));
    }

    #[test]
    fn mistakes_do_not_trap_the_user() {
        // Unterminated single-line strings and stray closers are errors for the compiler.
        assert!(is_complete("let s = \"abc"));
        assert!(is_complete("let s = \"abc\nlet t = 1"));
        assert!(is_complete("print(\"\\(1 +"));
        assert!(is_complete("}"));
        assert!(is_complete("f(]"));
        assert!(is_complete("let x = 1 + 2)"));
    }
}
