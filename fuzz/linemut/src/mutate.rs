//! The corpus and the mutations: programs are lists of lines, and a mutant is a base program
//! changed by a few line operations (splice lines from another program, duplicate, delete,
//! swap, move, cross over) and token operations (replace with a token seen anywhere in the
//! corpus or a boundary value, delete, duplicate, swap).

use std::path::{Path, PathBuf};

/// A small deterministic generator (xorshift64*).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    /// True with probability 1/n.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> Option<&'a T> {
        xs.get(self.below(xs.len()))
    }
}

/// Values at the edges of what the interpreter handles, mixed into the token pool.
const BOUNDARY_TOKENS: &[&str] = &[
    "Int.max",
    "Int.min",
    "-1",
    "0",
    "65536",
    "100_000",
    "1e308",
    "-1e19",
    "Double.nan",
    "1...",
    "...",
    "..<",
    "&",
    "!",
    "?",
    "nil",
    "self",
    "indirect",
    "weak",
    "unowned",
    "lazy",
    "static",
    "override",
    "inout",
    "deinit",
    "didSet",
    "willSet",
    "fatalError(\"x\")",
    "\"\\u{FEFF}\"",
    "\"\u{1F600}e\u{301}\"",
];

/// The programs mutants are made from, and every token seen in them.
pub struct Corpus {
    pub programs: Vec<(PathBuf, Vec<String>)>,
    pub tokens: Vec<String>,
    /// stdin files (`NAME.in`) found beside the programs.
    pub inputs: Vec<PathBuf>,
}

impl Corpus {
    /// Reads every `*.swift` (and `*.in`) directly inside `dirs`. A benchmark's
    /// `let n = ... // SIZE` line gets a small size so that runs stay short.
    pub fn load(dirs: &[PathBuf]) -> Corpus {
        let mut programs = Vec::new();
        let mut inputs = Vec::new();
        for dir in dirs {
            let Ok(rd) = std::fs::read_dir(dir) else {
                eprintln!("linemut: cannot read corpus directory {}", dir.display());
                continue;
            };
            let mut paths: Vec<PathBuf> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
            paths.sort();
            for p in paths {
                match p.extension().and_then(|e| e.to_str()) {
                    Some("swift") => {
                        if let Ok(text) = std::fs::read_to_string(&p) {
                            let lines: Vec<String> = text.lines().map(small_size).collect();
                            programs.push((p, lines));
                        }
                    }
                    Some("in") => inputs.push(p),
                    _ => {}
                }
            }
        }
        let mut tokens: Vec<String> = BOUNDARY_TOKENS.iter().map(|t| t.to_string()).collect();
        for (_, lines) in &programs {
            for l in lines {
                tokens.extend(tokenize(l).into_iter().filter(|t| !t.trim().is_empty()));
            }
        }
        Corpus {
            programs,
            tokens,
            inputs,
        }
    }
}

fn small_size(line: &str) -> String {
    if line.starts_with("let n = ") && line.ends_with("// SIZE") {
        "let n = 10 // SIZE".to_string()
    } else {
        line.to_string()
    }
}

/// Splits a line into tokens: identifier/number runs, whitespace runs, string literals
/// (escapes kept), and single other characters.
pub fn tokenize(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        if c.is_alphanumeric() || c == '_' {
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
        } else if c.is_whitespace() {
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i = (i + 1).min(chars.len());
        } else {
            i += 1;
        }
        out.push(chars[start..i].iter().collect());
    }
    out
}

/// Mutants larger than this are cut back (the 16 MiB script limit is tested elsewhere).
const MAX_LINES: usize = 20_000;

/// A mutant: the lines of a random base program changed by 1 to 6 operations.
pub fn mutant(corpus: &Corpus, rng: &mut Rng) -> (Vec<String>, Vec<&'static str>) {
    let mut ops = Vec::new();
    let Some((_, base)) = rng.pick(&corpus.programs) else {
        return (Vec::new(), ops);
    };
    let mut lines = base.clone();
    // Mostly one operation (most mutants with several do not compile), up to six.
    let mut count = 1;
    while count < 6 && rng.one_in(2) {
        count += 1;
    }
    for _ in 0..count {
        ops.push(mutate_once(&mut lines, corpus, rng));
        lines.truncate(MAX_LINES);
    }
    (lines, ops)
}

fn other_lines<'a>(corpus: &'a Corpus, rng: &mut Rng) -> &'a [String] {
    rng.pick(&corpus.programs)
        .map(|(_, l)| l.as_slice())
        .unwrap_or(&[])
}

/// One operation; returns its name (for the crash report).
fn mutate_once(lines: &mut Vec<String>, corpus: &Corpus, rng: &mut Rng) -> &'static str {
    let n = lines.len();
    match rng.below(12) {
        0 | 1 => {
            // Splice a run of lines from another program.
            let other = other_lines(corpus, rng);
            if other.is_empty() {
                return "splice(empty)";
            }
            let start = rng.below(other.len());
            let len = (1 + rng.below(8)).min(other.len() - start);
            let at = rng.below(n + 1);
            let run: Vec<String> = other[start..start + len].to_vec();
            lines.splice(at..at, run);
            "splice"
        }
        2 => {
            // Replace a line with one from another program.
            let other = other_lines(corpus, rng);
            if let (Some(l), false) = (rng.pick(other).cloned(), lines.is_empty()) {
                let i = rng.below(n);
                lines[i] = l;
            }
            "replace-line"
        }
        3 => {
            // Cross over: this program's head, another's tail.
            let other = other_lines(corpus, rng);
            let cut = rng.below(n + 1);
            let from = rng.below(other.len() + 1);
            lines.truncate(cut);
            lines.extend_from_slice(&other[from..]);
            "crossover"
        }
        4 | 5 => {
            if n == 0 {
                return "duplicate(empty)";
            }
            let i = rng.below(n);
            let len = (1 + rng.below(4)).min(n - i);
            // Mostly a few copies; sometimes many, to reach the size limits.
            let copies = match rng.below(16) {
                0 => 1000,
                1 | 2 => 50,
                _ => 1 + rng.below(3),
            };
            let run: Vec<String> = lines[i..i + len].to_vec();
            let mut all = Vec::with_capacity(run.len() * copies);
            for _ in 0..copies {
                all.extend_from_slice(&run);
            }
            lines.splice(i..i, all);
            "duplicate"
        }
        6 => {
            if n > 0 {
                let i = rng.below(n);
                let len = (1 + rng.below(4)).min(n - i);
                lines.drain(i..i + len);
            }
            "delete"
        }
        7 => {
            if n > 0 {
                let (i, j) = (rng.below(n), rng.below(n));
                lines.swap(i, j);
            }
            "swap"
        }
        8 => {
            if n > 0 {
                let l = lines.remove(rng.below(n));
                let j = rng.below(lines.len() + 1);
                lines.insert(j, l);
            }
            "move"
        }
        _ => token_op(lines, corpus, rng),
    }
}

fn token_op(lines: &mut [String], corpus: &Corpus, rng: &mut Rng) -> &'static str {
    if lines.is_empty() {
        return "token(empty)";
    }
    let i = rng.below(lines.len());
    let mut t = tokenize(&lines[i]);
    let solid: Vec<usize> = (0..t.len()).filter(|&k| !t[k].trim().is_empty()).collect();
    let (Some(&a), Some(&b)) = (rng.pick(&solid), rng.pick(&solid)) else {
        return "token(blank)";
    };
    let name = match rng.below(5) {
        0 | 1 => {
            if let Some(tok) = rng.pick(&corpus.tokens) {
                t[a] = tok.clone();
            }
            "token-replace"
        }
        2 => {
            t.remove(a);
            "token-delete"
        }
        3 => {
            let dup = t[a].clone();
            t.insert(a, dup);
            "token-duplicate"
        }
        _ => {
            t.swap(a, b);
            "token-swap"
        }
    };
    lines[i] = t.concat();
    name
}

/// The corpus directories used when none is given: the goldens, the benchmarks, the seeds.
pub fn default_dirs(root: &Path) -> Vec<PathBuf> {
    vec![
        root.join("programs"),
        root.join("bench/programs"),
        root.join("fuzz/seeds"),
    ]
}
