//! linemut: the line-level mutation fuzzer of swiftlang (fuzz/README.md).
//!
//! `linemut [fuzz] [OPTIONS]` makes mutants of the corpus programs (splice, duplicate,
//! delete, swap and move lines and tokens between programs), runs each through the built
//! `swiftlang` binary, one at a time, with a time limit and memory caps, saves every
//! crashing input with its options and stderr, and prints a summary: runs, exit statuses,
//! crashes by class and by signature. `linemut minimise FILE` shrinks a saved crash to the
//! smallest input (by lines, then tokens) that still crashes with the same signature.

mod exec;
mod minimise;
mod mutate;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use exec::{classify, Runner, SCRIPT_LOOP};
use mutate::{Corpus, Rng};

const USAGE: &str = "usage: linemut [fuzz] [--bin PATH] [--minutes M | --runs N] [--timeout SECS]
                [--out DIR] [--seed N] [--corpus DIR]...
       linemut minimise FILE [--bin PATH] [--timeout SECS]";

struct Options {
    bin: PathBuf,
    minutes: f64,
    runs: Option<u64>,
    timeout: Duration,
    out: PathBuf,
    seed: u64,
    corpus: Vec<PathBuf>,
    minimise: Option<PathBuf>,
}

/// The repository root: fuzz/linemut/../..
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn parse_args() -> Result<Options, String> {
    let root = root();
    let mut o = Options {
        bin: root.join("target/release/swiftlang"),
        minutes: 10.0,
        runs: None,
        timeout: Duration::from_secs(10),
        out: root.join("fuzz/artifacts/linemut"),
        seed: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(1),
        corpus: Vec::new(),
        minimise: None,
    };
    let mut args = std::env::args().skip(1).peekable();
    match args.peek().map(String::as_str) {
        Some("fuzz") => {
            args.next();
        }
        Some("minimise" | "minimize") => {
            args.next();
            o.minimise = Some(PathBuf::from(args.next().ok_or("minimise needs a FILE")?));
        }
        _ => {}
    }
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--bin" => o.bin = PathBuf::from(value()?),
            "--minutes" => o.minutes = value()?.parse().map_err(|e| format!("--minutes: {e}"))?,
            "--runs" => o.runs = Some(value()?.parse().map_err(|e| format!("--runs: {e}"))?),
            "--timeout" => {
                let s: f64 = value()?.parse().map_err(|e| format!("--timeout: {e}"))?;
                o.timeout = Duration::from_secs_f64(s);
            }
            "--out" => o.out = PathBuf::from(value()?),
            "--seed" => o.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--corpus" => o.corpus.push(PathBuf::from(value()?)),
            "-h" | "--help" => return Err(String::new()),
            _ => return Err(format!("unknown argument '{a}'")),
        }
    }
    if o.corpus.is_empty() {
        o.corpus = mutate::default_dirs(&root);
    }
    Ok(o)
}

/// Memory caps on every run: the VM's subsystems are bounded by `--mem-limit`, and the
/// whole process by the address-space limit.
const CAPS: &[(&str, &str)] = &[
    ("objects", "512MiB"),
    ("strings", "512MiB"),
    ("vm-core", "512MiB"),
];
const VMEM_KIB: u64 = 4 << 20;
const SUBSYSTEMS: &[&str] = &[
    "vm-core", "objects", "strings", "bytecode", "compiler", "ast", "parser", "lexer", "symbols",
    "modules", "stdlib", "temp",
];
const SMALL_BUDGETS: &[&str] = &["1B", "64B", "1KiB", "16KiB", "256KiB", "4MiB"];

/// The options of one run: the caps, and sometimes a tiny budget for one subsystem or a
/// memory report or the disassembly, so that the compile-phase budgets and the reports are
/// fuzzed too.
fn run_flags(rng: &mut Rng) -> Vec<String> {
    let mut limits: Vec<(String, String)> = CAPS
        .iter()
        .map(|(n, s)| (n.to_string(), s.to_string()))
        .collect();
    if rng.one_in(10) {
        let name = SUBSYSTEMS[rng.below(SUBSYSTEMS.len())].to_string();
        let size = SMALL_BUDGETS[rng.below(SMALL_BUDGETS.len())].to_string();
        limits.retain(|(n, _)| *n != name);
        limits.push((name, size));
    }
    let mut flags = vec![
        "--mem-limit".to_string(),
        limits
            .iter()
            .map(|(n, s)| format!("{n}={s}"))
            .collect::<Vec<_>>()
            .join(","),
    ];
    match rng.below(40) {
        0 => flags.push("--mem-debug".into()),
        1 => flags.push("--mem-stats=json".into()),
        2 | 3 => flags.push("--dump-bytecode".into()),
        _ => {}
    }
    flags
}

/// One crash signature's tally.
struct Found {
    class: &'static str,
    count: u64,
    first: PathBuf,
}

fn main() {
    let o = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("linemut: {e}");
            }
            eprintln!("{USAGE}");
            std::process::exit(64);
        }
    };
    if !o.bin.is_file() {
        eprintln!(
            "linemut: no binary at {} (cargo build --release)",
            o.bin.display()
        );
        std::process::exit(66);
    }
    let runner = Runner {
        bin: &o.bin,
        timeout: o.timeout,
        vmem_kib: VMEM_KIB,
    };
    if let Some(file) = &o.minimise {
        std::process::exit(minimise::run(&runner, file));
    }
    std::process::exit(fuzz(&o, &runner));
}

fn fuzz(o: &Options, runner: &Runner) -> i32 {
    let corpus = Corpus::load(&o.corpus);
    if corpus.programs.is_empty() {
        eprintln!("linemut: no programs in the corpus");
        return 66;
    }
    if let Err(e) = std::fs::create_dir_all(&o.out) {
        eprintln!("linemut: cannot create {}: {e}", o.out.display());
        return 73;
    }
    let work = std::env::temp_dir().join(format!("linemut-{}", std::process::id()));
    if let Err(e) = std::fs::create_dir_all(&work) {
        eprintln!("linemut: cannot create {}: {e}", work.display());
        return 73;
    }
    let script = work.join("mutant.swift");
    let stdin_file = work.join("stdin.txt");
    eprintln!(
        "linemut: {} programs, {} tokens, seed {}, timeout {:?}, {}",
        corpus.programs.len(),
        corpus.tokens.len(),
        o.seed,
        o.timeout,
        match o.runs {
            Some(n) => format!("{n} runs"),
            None => format!("{} minutes", o.minutes),
        }
    );
    let mut rng = Rng::new(o.seed);
    let deadline = Instant::now() + Duration::from_secs_f64(o.minutes * 60.0);
    let start = Instant::now();
    let mut last_report = Instant::now();
    let mut runs = 0u64;
    let mut statuses: BTreeMap<String, u64> = BTreeMap::new();
    let mut found: BTreeMap<String, Found> = BTreeMap::new();
    let mut loops = 0u64;
    loop {
        match o.runs {
            Some(n) if runs >= n => break,
            None if Instant::now() >= deadline => break,
            _ => {}
        }
        let (lines, ops) = mutate::mutant(&corpus, &mut rng);
        let source = lines.join("\n") + "\n";
        let flags = run_flags(&mut rng);
        let stdin = stdin_for(&corpus, &mut rng, &stdin_file);
        if std::fs::write(&script, &source).is_err() {
            eprintln!("linemut: cannot write {}", script.display());
            return 73;
        }
        let outcome = runner.run(&script, &flags, stdin.as_deref());
        runs += 1;
        let status = match (outcome.timed_out, outcome.code, outcome.signal) {
            (true, Some(143), _) => "timeout ended by SIGTERM (script loop)".to_string(),
            (true, _, _) => "timeout (hang)".to_string(),
            (_, Some(c), _) => format!("exit {c}"),
            (_, None, Some(s)) => format!("signal {s}"),
            _ => "unknown".to_string(),
        };
        *statuses.entry(status).or_default() += 1;
        if let Some((class, signature)) = classify(&outcome) {
            // Script loops are not crashes; a few are kept for a look (a wrong answer
            // can loop too).
            let examples = if class == SCRIPT_LOOP {
                loops += 1;
                loops
            } else {
                let entry = found.entry(signature.clone()).or_insert_with(|| Found {
                    class,
                    count: 0,
                    first: PathBuf::new(),
                });
                entry.count += 1;
                entry.count
            };
            // A few examples of each signature are kept.
            if examples <= 3 {
                let name = format!("{class}-{:016x}", rng.next());
                let saved = o.out.join(format!("{name}.swift"));
                let _ = std::fs::write(&saved, &source);
                let _ = std::fs::write(o.out.join(format!("{name}.args")), flags.join("\n") + "\n");
                if let Some(s) = &stdin {
                    let _ = std::fs::copy(s, o.out.join(format!("{name}.in")));
                }
                let _ = std::fs::write(
                    o.out.join(format!("{name}.txt")),
                    format!(
                        "signature: {signature}\noperations: {}\noptions: {}\nstatus: {:?} signal {:?} timed out {}\n--- stderr\n{}",
                        ops.join(" "),
                        flags.join(" "),
                        outcome.code,
                        outcome.signal,
                        outcome.timed_out,
                        outcome.stderr
                    ),
                );
                if let (1, Some(entry)) = (examples, found.get_mut(&signature)) {
                    entry.first = saved;
                    eprintln!("linemut: new crash [{class}] {signature}");
                }
            }
        }
        if last_report.elapsed() > Duration::from_secs(60) {
            last_report = Instant::now();
            eprintln!(
                "linemut: {runs} runs in {:.0}s, {} crash signatures",
                start.elapsed().as_secs_f64(),
                found.len()
            );
        }
    }
    let _ = std::fs::remove_dir_all(&work);
    summary(runs, start.elapsed(), &statuses, &found);
    if found.is_empty() {
        0
    } else {
        1
    }
}

/// stdin for one run: usually nothing; sometimes a corpus `.in` file or random bytes
/// (invalid UTF-8 included).
fn stdin_for(corpus: &Corpus, rng: &mut Rng, file: &Path) -> Option<PathBuf> {
    match rng.below(10) {
        0 => corpus.inputs.get(rng.below(corpus.inputs.len())).cloned(),
        1 => {
            let n = rng.below(200);
            let bytes: Vec<u8> = (0..n)
                .map(|_| match rng.below(4) {
                    0 => b'\n',
                    1 => (rng.next() & 0xff) as u8,
                    _ => b'0' + rng.below(10) as u8,
                })
                .collect();
            std::fs::write(file, bytes).ok().map(|_| file.to_path_buf())
        }
        _ => None,
    }
}

fn summary(
    runs: u64,
    elapsed: Duration,
    statuses: &BTreeMap<String, u64>,
    found: &BTreeMap<String, Found>,
) {
    println!(
        "linemut summary: {runs} runs in {:.0} s ({:.1} runs/s)",
        elapsed.as_secs_f64(),
        runs as f64 / elapsed.as_secs_f64().max(0.001)
    );
    let s: Vec<String> = statuses.iter().map(|(k, v)| format!("{k}: {v}")).collect();
    println!("  outcomes: {}", s.join(", "));
    let mut by_class: BTreeMap<&str, (u64, usize)> = BTreeMap::new();
    for f in found.values() {
        let e = by_class.entry(f.class).or_default();
        e.0 += f.count;
        e.1 += 1;
    }
    if found.is_empty() {
        println!("  crashes: none");
        return;
    }
    for (class, (count, sigs)) in &by_class {
        println!("  crashes [{class}]: {count} runs, {sigs} distinct");
    }
    for (sig, f) in found {
        println!(
            "    {:>6} x [{}] {sig}\n           first: {}",
            f.count,
            f.class,
            f.first.display()
        );
    }
}
