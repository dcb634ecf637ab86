//! The memory flags: `--mem-stats`, `--mem-stats-file`, `--mem-debug`, `--mem-limit` and their
//! environment variables; configuring the registry before the run and reporting after it.

use std::io::Write;
use std::path::PathBuf;

use crate::alloc::registry::{self, RegistryConfig};
use crate::alloc::report::{self, ReportFormat};
use crate::alloc::Subsystem;

use super::{Cli, MemStatsFormat};
use crate::vm::leak_report::{self, ExitAnalysis};

/// What the memory flags ask for, resolved from the command line and the environment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MemoryOptions {
    /// Print the statistics report at exit, in this format.
    pub stats: Option<ReportFormat>,
    /// Where the report goes (stderr when `None`).
    pub stats_file: Option<PathBuf>,
    /// Trace every subsystem and print the leak report at exit.
    pub debug: bool,
    /// Budgets per subsystem.
    pub limits: Vec<(Subsystem, u64)>,
}

fn env_flag(name: &str) -> Option<String> {
    std::env::var(name)
        .ok()
        .filter(|v| !v.is_empty() && v != "0")
}

impl MemoryOptions {
    /// Resolves the flags; `Err` is a usage error message.
    pub fn from_cli(cli: &Cli) -> Result<MemoryOptions, String> {
        let stats = match cli.mem_stats {
            Some(MemStatsFormat::Text) => Some(ReportFormat::Text),
            Some(MemStatsFormat::Json) => Some(ReportFormat::Json),
            None => match env_flag("SWIFTLANG_MEM_STATS").as_deref() {
                None => None,
                Some("json") => Some(ReportFormat::Json),
                Some("1" | "text" | "true") => Some(ReportFormat::Text),
                Some(other) => {
                    return Err(format!(
                        "SWIFTLANG_MEM_STATS must be 1, text or json, not '{other}'"
                    ));
                }
            },
        };
        let stats = stats.or(cli.mem_stats_file.as_ref().map(|_| ReportFormat::Text));
        let limits = match &cli.mem_limit {
            Some(spec) => parse_mem_limits(spec)?,
            None => Vec::new(),
        };
        Ok(MemoryOptions {
            stats,
            stats_file: cli.mem_stats_file.clone(),
            debug: cli.mem_debug || env_flag("SWIFTLANG_MEM_DEBUG").is_some(),
            limits,
        })
    }

    /// Configures this thread's registry (debug mode, budgets).
    pub fn install(&self) -> Result<(), String> {
        let mut config = RegistryConfig {
            debug: self.debug,
            ..RegistryConfig::default()
        };
        for (s, limit) in &self.limits {
            config.limits[s.index()] = Some(*limit);
        }
        if config != registry::config() {
            registry::configure(config).map_err(|e| e.to_string())?;
        }
        Ok(())
    }

    /// Prints what the flags asked for: the leak report, then the statistics report. The
    /// statistics are formatted last and written as they are (no copy), so the heap total they
    /// report covers everything the process allocated before they were printed.
    pub fn report_at_exit(&self, heap: Option<ExitAnalysis>) -> Result<(), String> {
        let mut parts: Vec<String> = Vec::new();
        if self.debug {
            parts.push(if registry::stats_available() {
                leak_report::render(heap.as_ref())
            } else {
                format!("{}\n", report::UNAVAILABLE)
            });
            // The analysis is done with: its tables go before the objects are released.
            drop(heap);
            // What the cycles keep alive is freed now that it is reported (a library user
            // runs many programs; valgrind sees a clean exit), in every build.
            crate::vm::instance::release_tracked();
        }
        if self.stats.is_none() && parts.is_empty() {
            return Ok(());
        }
        let mut file = match &self.stats_file {
            Some(path) => Some(
                std::fs::File::create(path)
                    .map_err(|e| format!("cannot write '{}': {e}", path.display()))?,
            ),
            None => None,
        };
        if let Some(format) = self.stats {
            if !parts.is_empty() {
                parts.push("\n".to_string());
            }
            parts.reserve(1);
            parts.push(report::stats_report(format));
        }
        for part in &parts {
            let written = match &mut file {
                Some(f) => f.write_all(part.as_bytes()),
                None => std::io::stderr().write_all(part.as_bytes()),
            };
            written.map_err(|e| format!("cannot write the memory report: {e}"))?;
        }
        Ok(())
    }
}

/// Parses a size: an integer with a unit `B`, `KiB`, `MiB` or `GiB`.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (digits, unit) = text.split_at(split);
    if digits.is_empty() {
        return Err(format!(
            "'{text}' is not a size: expected an integer and a unit (B, KiB, MiB, GiB), e.g. 64MiB"
        ));
    }
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("'{digits}' is too large"))?;
    let scale: u64 = match unit.trim() {
        "B" => 1,
        "KiB" => 1 << 10,
        "MiB" => 1 << 20,
        "GiB" => 1 << 30,
        "" => {
            return Err(format!(
                "'{text}' has no unit: write {text}B, {text}KiB, {text}MiB or {text}GiB"
            ))
        }
        other => {
            return Err(format!(
                "unknown unit '{other}' in '{text}': use B, KiB, MiB or GiB"
            ))
        }
    };
    n.checked_mul(scale)
        .ok_or_else(|| format!("'{text}' is too large"))
}

/// Parses `--mem-limit NAME=SIZE[,NAME=SIZE...]`.
pub fn parse_mem_limits(spec: &str) -> Result<Vec<(Subsystem, u64)>, String> {
    let mut limits = Vec::new();
    for item in spec.split(',') {
        let Some((name, size)) = item.split_once('=') else {
            return Err(format!(
                "invalid --mem-limit entry '{item}': expected NAME=SIZE, e.g. objects=64MiB"
            ));
        };
        let subsystem = Subsystem::from_cli_name(name).ok_or_else(|| {
            let names: Vec<&str> = Subsystem::ALL.iter().map(|s| s.cli_name()).collect();
            format!(
                "unknown subsystem '{}' in --mem-limit: expected one of {}",
                name.trim(),
                names.join(", ")
            )
        })?;
        let bytes = parse_size(size)
            .map_err(|e| format!("invalid --mem-limit size for {}: {e}", subsystem.cli_name()))?;
        limits.retain(|(s, _)| *s != subsystem);
        limits.push((subsystem, bytes));
    }
    Ok(limits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("64MiB"), Ok(64 << 20));
        assert_eq!(parse_size("1B"), Ok(1));
        assert_eq!(parse_size("2 KiB"), Ok(2048));
        assert!(parse_size("64").unwrap_err().contains("no unit"));
        assert!(parse_size("64MB")
            .unwrap_err()
            .contains("unknown unit 'MB'"));
        assert!(parse_size("MiB").is_err());
        assert!(parse_size("99999999999999999999GiB").is_err());
    }

    #[test]
    fn limits() {
        assert_eq!(
            parse_mem_limits("objects=64MiB,strings=16MiB"),
            Ok(vec![
                (Subsystem::Objects, 64 << 20),
                (Subsystem::Strings, 16 << 20)
            ])
        );
        assert!(parse_mem_limits("heap=1MiB")
            .unwrap_err()
            .contains("unknown subsystem 'heap'"));
        assert!(parse_mem_limits("objects")
            .unwrap_err()
            .contains("expected NAME=SIZE"));
        assert!(parse_mem_limits("vm-core=1")
            .unwrap_err()
            .contains("no unit"));
    }
}
