//! The full statistics report (what `SWIFTLANG_MEM_STATS=1` prints): a small program is
//! "compiled" through the compile-phase arenas, which are then reset, and "run" in the
//! long-lived subsystems; then the seed's "Memory Allocator Statistics" for all twelve
//! subsystems, the Untracked row, the heap taken from the system and the tag table.
//!
//! The counting global allocator is installed here, so the heap rows are filled in. The report
//! is the last thing that allocates, so its grand total is what valgrind's "total heap usage"
//! counts for the same run.
//!
//! Run with `cargo run --example stats`, or `cargo run --example stats -- --json`.

use std::error::Error;
use std::io::Write as _;

use hashbrown::{DefaultHashBuilder, HashMap};
use swiftlang::alloc::global::{CountingAlloc, SubsystemScope};
use swiftlang::alloc::{
    self, allocators_get, registry, report, AllocError, Handle, SubString, SubVec, Subsystem, Tag,
};

#[global_allocator]
static GLOBAL: CountingAlloc = CountingAlloc;

const SOURCE: &str = r#"
class Player { var name: String; var score: Int }
func greet(_ player: Player) -> String { return "Hello, " + player.name }
let players = [Player(name: "Ada", score: 3), Player(name: "Linus", score: 5)]
var total = 0
for player in players { total += player.score; print(greet(player)) }
"#;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Ident,
    Number,
    Str,
    Punct,
}

#[derive(Clone, Copy)]
struct Token {
    kind: Kind,
    start: usize,
    len: usize,
}

/// A top-level statement: its first token and how many tokens it spans.
struct Node {
    first: usize,
    len: usize,
}

/// What compilation keeps: bytecode in Modules, identifiers in Strings.
struct Module {
    code: SubVec<u8>,
    names: SubVec<SubString>,
}

/// A builtin function: its name and body.
type Builtin = (&'static str, fn(i64) -> i64);

/// A class instance, as the VM allocates it in Objects.
struct Player {
    name: u32,
    score: i64,
}

fn main() -> Result<(), Box<dyn Error>> {
    let json = std::env::args().skip(1).any(|arg| arg == "--json");

    let module = compile(SOURCE)?;
    for phase in [
        Subsystem::Lexer,
        Subsystem::Parser,
        Subsystem::Ast,
        Subsystem::Symbols,
        Subsystem::Compiler,
        Subsystem::Bytecode,
    ] {
        registry::reset(phase)?;
    }
    let runtime = run(&module)?;

    // Untracked: plain heap use outside every scope.
    let words: Vec<&str> = SOURCE.split_whitespace().collect();
    let longest = words.iter().map(|w| w.len()).max().unwrap_or(0);
    let summary = format!("{} words, the longest {longest} bytes", words.len());

    // Stdout's buffer is taken before the report, so that the report is the last allocation.
    let mut out = std::io::stdout().lock();
    let text = if json {
        report::stats_json()
    } else {
        report::stats_text()
    };
    out.write_all(text.as_bytes())?;
    drop((module, runtime, summary));
    Ok(())
}

/// Lexing, parsing, name resolution and code generation, each in its compile-phase arena.
/// Only the module (Modules and Strings) outlives it, so the phases can be reset afterwards.
fn compile(source: &str) -> Result<Module, AllocError> {
    let tokens = lex(source);
    let ast = parse(source, &tokens);

    let mut symbols: HashMap<&str, u32, DefaultHashBuilder, Handle> =
        HashMap::new_in(allocators_get(Subsystem::Symbols));
    for t in tokens.iter().filter(|t| t.kind == Kind::Ident) {
        let next = symbols.len() as u32;
        symbols
            .entry(&source[t.start..t.start + t.len])
            .or_insert(next);
    }

    let mut scopes: SubVec<u32> = SubVec::new_in(allocators_get(Subsystem::Compiler));
    let mut patches: SubVec<usize> = SubVec::new_in(allocators_get(Subsystem::Compiler));
    let mut code: SubVec<u8> = SubVec::new_in(allocators_get(Subsystem::Bytecode));
    for node in ast.iter() {
        scopes.push(0);
        for t in &tokens[node.first..node.first + node.len] {
            let text = &source[t.start..t.start + t.len];
            match (t.kind, text) {
                (Kind::Ident, _) => code.extend_from_slice(&[1, symbols[text] as u8]),
                (Kind::Number, _) => code.extend_from_slice(&[2, text.parse().unwrap_or(0)]),
                (Kind::Str, _) => code.extend_from_slice(&[3, t.len as u8]),
                (Kind::Punct, "{") => patches.push(code.len()),
                (Kind::Punct, _) => code.push(4),
            }
        }
        scopes.pop();
    }
    code.push(0);

    let mut finished = SubVec::new_in(allocators_get(Subsystem::Modules));
    finished.extend_from_slice(&code);
    let mut names = SubVec::new_in(allocators_get(Subsystem::Modules));
    let mut by_id: Vec<(u32, &str)> = symbols.iter().map(|(name, id)| (*id, *name)).collect();
    by_id.sort_unstable();
    for (_, name) in by_id {
        names.push(alloc::strdup(Subsystem::Strings, name)?);
    }
    Ok(Module {
        code: finished,
        names,
    })
}

fn lex(source: &str) -> SubVec<Token> {
    let mut tokens = SubVec::new_in(allocators_get(Subsystem::Lexer));
    let bytes = source.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let run = |i: &mut usize, f: fn(u8) -> bool| {
            while *i < bytes.len() && f(bytes[*i]) {
                *i += 1;
            }
        };
        let kind = match bytes[i] {
            b if b.is_ascii_whitespace() => {
                i += 1;
                continue;
            }
            b if b.is_ascii_alphabetic() || b == b'_' => {
                run(&mut i, |b| b.is_ascii_alphanumeric() || b == b'_');
                Kind::Ident
            }
            b if b.is_ascii_digit() => {
                run(&mut i, |b| b.is_ascii_digit());
                Kind::Number
            }
            b'"' => {
                i += 1;
                run(&mut i, |b| b != b'"');
                i += 1;
                Kind::Str
            }
            _ => {
                i += 1;
                Kind::Punct
            }
        };
        tokens.push(Token {
            kind,
            start,
            len: i.min(bytes.len()) - start,
        });
    }
    tokens
}

/// Splits the tokens into top-level statements, with the parser's brace stack in Parser and
/// the nodes in AST.
fn parse(source: &str, tokens: &[Token]) -> SubVec<Node> {
    // A generated parser keeps its state stack in a plain `Vec`: the scope attributes that
    // heap use to Parser.
    let _scope = SubsystemScope::enter(Subsystem::Parser);
    let mut states: Vec<u16> = Vec::new();
    let mut braces: SubVec<usize> = SubVec::new_in(allocators_get(Subsystem::Parser));
    let mut nodes = SubVec::new_in(allocators_get(Subsystem::Ast));
    let mut first = 0;
    for (i, t) in tokens.iter().enumerate() {
        states.push(i as u16);
        if t.kind != Kind::Punct || t.len != 1 {
            continue;
        }
        match source.as_bytes()[t.start] {
            b'{' => braces.push(i),
            b'}' => {
                braces.pop();
            }
            _ => continue,
        }
        if braces.is_empty() || i + 1 == tokens.len() {
            nodes.push(Node {
                first,
                len: i + 1 - first,
            });
            first = i + 1;
        }
    }
    if first < tokens.len() {
        nodes.push(Node {
            first,
            len: tokens.len() - first,
        });
    }
    nodes
}

/// What stays alive while the program runs. Only held, so that the report shows live memory.
#[allow(dead_code)]
struct Runtime {
    stack: SubVec<i64>,
    players: SubVec<alloc::SubBox<Player>>,
    builtins: SubVec<Builtin>,
    print_name: SubString,
}

/// "Runs" the module: builtins in Stdlib, the value stack in VM Core, instances in Objects
/// (through the pool), and scratch strings in a Temp arena.
fn run(module: &Module) -> Result<Runtime, AllocError> {
    let mut builtins: SubVec<Builtin> = SubVec::new_in(allocators_get(Subsystem::Stdlib));
    builtins.extend([
        ("abs", i64::abs as fn(i64) -> i64),
        ("negate", |x| -x),
        ("double", |x| x * 2),
    ]);
    let print_name = alloc::strdup(Subsystem::Stdlib, "print")?;

    let mut stack = SubVec::with_capacity_in(64, allocators_get(Subsystem::Vm));
    for pair in module.code.chunks(2) {
        match pair {
            [2, n] => stack.push(i64::from(*n)),
            [1, id] => stack.push(i64::from(*id)),
            _ => {
                let top = stack.pop().unwrap_or(0);
                stack.push(builtins[top.unsigned_abs() as usize % builtins.len()].1(
                    top,
                ));
            }
        }
    }

    let game_state = Tag::new("game-state");
    let mut players = SubVec::new_in(allocators_get(Subsystem::Objects));
    for (name, score) in [(0, 3), (1, 5)] {
        players.push(alloc::new_tagged(
            Subsystem::Objects,
            Player { name, score },
            game_state,
        )?);
    }
    // Temporaries the VM frees again: small instances (freelists) and a large array buffer
    // (beyond the pool's classes, so from its platform allocator).
    for i in 0..32 {
        let temp = alloc::new(Subsystem::Objects, [i64::from(i); 4])?;
        stack.push(temp[3]);
    }
    let buffer = alloc::new_array(Subsystem::Objects, 100, 0i64)?;
    drop(buffer);

    let greetings = alloc::with_arena(4096, |arena| -> Result<usize, AllocError> {
        let mut bytes = 0;
        for player in players.iter() {
            let name = module.names.get(player.name as usize).map_or("?", |n| &**n);
            let line = format!("Hello, {name}! Score: {}", player.score);
            bytes += arena.alloc_str(&line)?.len();
        }
        Ok(bytes)
    })??;
    stack.push(greetings as i64);

    Ok(Runtime {
        stack,
        players,
        builtins,
        print_name,
    })
}
