//! The clap definition of the command line.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

/// The usage lines, shown with usage errors.
pub const USAGE: &str = "swiftlang [OPTIONS] run SCRIPT.swift [ARGS...]
       swiftlang [OPTIONS] SCRIPT.swift [ARGS...]
       swiftlang [OPTIONS] [repl]";

/// Options whose value may follow as a separate argument.
const OPTIONS_WITH_VALUES: [&str; 3] = ["--mem-stats-file", "--mem-limit", "--seed"];

/// Rewrites the seed's `swiftlang [OPTIONS] SCRIPT.swift [ARGS...]` form as
/// `swiftlang [OPTIONS] run SCRIPT.swift [ARGS...]`, so clap sees one grammar. The first
/// argument that is neither an option nor an option's value decides: a subcommand name stays,
/// anything else is a script. Whatever follows the script is the script's own arguments
/// (`CommandLine.arguments`), even when it looks like one of ours: a `--` goes after the
/// script so that clap reads it that way.
pub fn normalize(args: Vec<OsString>) -> Vec<OsString> {
    let mut out = args;
    let mut i = 1;
    let mut run = false;
    while i < out.len() {
        let arg = out[i].to_string_lossy().into_owned();
        if arg == "--" {
            break;
        }
        if arg.starts_with('-') && arg.len() > 1 {
            i += if OPTIONS_WITH_VALUES.contains(&arg.as_str()) {
                2
            } else {
                1
            };
            continue;
        }
        if !run && matches!(arg.as_str(), "repl" | "help") {
            break;
        }
        if !run && arg == "run" {
            run = true;
            i += 1;
            continue;
        }
        // `arg` is the script.
        if !run {
            out.insert(i, OsString::from("run"));
            i += 1;
        }
        if out.get(i + 1).is_some_and(|next| next != "--") {
            out.insert(i + 1, OsString::from("--"));
        }
        break;
    }
    out
}

/// Format of the `--mem-stats` report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum MemStatsFormat {
    /// The seed's text layout.
    Text,
    /// Versioned JSON.
    Json,
}

/// swiftlang: run SwiftLang (a strict subset of Swift) scripts, and see where their memory goes.
#[derive(Debug, Parser)]
#[command(name = "swiftlang", version, override_usage = USAGE)]
pub struct Cli {
    /// At exit, print the memory statistics report on stderr [env: SWIFTLANG_MEM_STATS=1|json]
    #[arg(long, global = true, value_enum, num_args = 0..=1, require_equals = true, default_missing_value = "text", value_name = "FORMAT")]
    pub mem_stats: Option<MemStatsFormat>,

    /// Write the memory report to PATH instead of stderr
    #[arg(long, global = true, value_name = "PATH")]
    pub mem_stats_file: Option<PathBuf>,

    /// Put every subsystem behind the trace allocator and print the leak report at exit
    /// [env: SWIFTLANG_MEM_DEBUG=1]
    #[arg(long, global = true)]
    pub mem_debug: bool,

    /// Per-subsystem budgets, e.g. objects=64MiB,strings=16MiB (units B, KiB, MiB, GiB;
    /// names: vm-core objects strings bytecode compiler ast lexer parser symbols modules
    /// stdlib temp)
    #[arg(long, global = true, value_name = "NAME=SIZE[,NAME=SIZE...]")]
    pub mem_limit: Option<String>,

    /// Seed for Int.random(in:), Double.random(in:) and shuffled()
    #[arg(long, global = true, env = "SWIFTLANG_SEED", value_name = "N")]
    pub seed: Option<u64>,

    /// Print the disassembled bytecode before running
    #[arg(long, global = true)]
    pub dump_bytecode: bool,

    /// REPL reading a pipe: stop at the first error, exiting with its status
    #[arg(long, global = true)]
    pub fail_fast: bool,

    /// What to do (default: the REPL; a script path alone means `run`)
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a script
    Run {
        /// The script to run
        #[arg(value_name = "SCRIPT.swift")]
        script: PathBuf,
        /// Arguments passed to the script as CommandLine.arguments
        #[arg(
            value_name = "ARGS",
            trailing_var_arg = true,
            allow_hyphen_values = true
        )]
        args: Vec<OsString>,
    },
    /// Start the interactive REPL (the default without a script)
    Repl,
}

impl Cli {
    /// The script to run and its arguments, if the command runs one.
    pub fn script_and_args(&self) -> Option<(&Path, &[OsString])> {
        match &self.command {
            Some(Command::Run { script, args }) => Some((script, args)),
            Some(Command::Repl) | None => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        let argv = std::iter::once("swiftlang")
            .chain(args.iter().copied())
            .map(OsString::from)
            .collect();
        Cli::try_parse_from(normalize(argv))
    }

    #[test]
    fn what_follows_the_script_is_the_scripts() {
        for argv in [
            &["run", "x.swift", "--mem-stats", "a"][..],
            &["x.swift", "--mem-stats", "a"][..],
            &["--seed", "3", "run", "x.swift", "--mem-stats", "a"][..],
            &["run", "x.swift", "--", "--mem-stats", "a"][..],
        ] {
            let cli = parse(argv).unwrap();
            assert_eq!(cli.mem_stats, None, "{argv:?}");
            let (script, args) = cli.script_and_args().unwrap();
            assert_eq!(script, Path::new("x.swift"));
            assert_eq!(args, [OsString::from("--mem-stats"), OsString::from("a")]);
        }
        // Options before the script, and between `run` and the script, are still ours.
        let cli = parse(&["run", "--mem-stats", "x.swift"]).unwrap();
        assert_eq!(cli.mem_stats, Some(MemStatsFormat::Text));
        let cli = parse(&["--mem-limit", "objects=1MiB", "x.swift"]).unwrap();
        assert_eq!(cli.mem_limit.as_deref(), Some("objects=1MiB"));
        assert!(parse(&["repl", "--mem-debug"]).unwrap().mem_debug);
    }

    #[test]
    fn run_forms_agree() {
        let a = parse(&["run", "x.swift", "a", "-b"]).unwrap();
        let b = parse(&["x.swift", "a", "-b"]).unwrap();
        assert_eq!(
            a.script_and_args().map(|(p, a)| (p.to_owned(), a.to_vec())),
            b.script_and_args().map(|(p, a)| (p.to_owned(), a.to_vec()))
        );
    }

    #[test]
    fn options_go_before_or_after_the_subcommand() {
        let a = parse(&["--mem-stats", "run", "x.swift"]).unwrap();
        let b = parse(&["run", "--mem-stats=json", "x.swift"]).unwrap();
        assert_eq!(a.mem_stats, Some(MemStatsFormat::Text));
        assert_eq!(b.mem_stats, Some(MemStatsFormat::Json));
        let c = parse(&["--mem-stats", "x.swift"]).unwrap();
        assert_eq!(
            c.script_and_args().map(|(p, _)| p),
            Some(Path::new("x.swift")),
            "a script is never taken for a value"
        );
        let d = parse(&[
            "--mem-limit",
            "objects=1MiB",
            "--seed",
            "3",
            "run",
            "x.swift",
        ])
        .unwrap();
        assert_eq!(
            (d.seed, d.mem_limit.as_deref()),
            (Some(3), Some("objects=1MiB"))
        );
        let e = parse(&["--seed", "3", "run.swift", "run"]).unwrap();
        assert_eq!(
            e.script_and_args().map(|(p, a)| (p, a.len())),
            Some((Path::new("run.swift"), 1))
        );
    }

    #[test]
    fn no_arguments_is_the_repl() {
        assert!(parse(&[]).unwrap().script_and_args().is_none());
        assert!(parse(&["repl"]).unwrap().script_and_args().is_none());
        assert!(parse(&["--bogus"]).is_err());
    }
}
