//! `linemut minimise FILE`: shrinks a saved crash while it keeps its signature. The options
//! and stdin saved beside it (`NAME.args`, `NAME.in`) are used for every run. First runs of
//! lines are removed (halves, quarters, ... single lines), then single tokens of each line;
//! the result is written to `NAME.min.swift` and printed.

use std::path::{Path, PathBuf};

use crate::exec::{classify, Runner};
use crate::mutate::tokenize;

pub fn run(runner: &Runner, file: &Path) -> i32 {
    let Ok(text) = std::fs::read_to_string(file) else {
        eprintln!("linemut: cannot read {}", file.display());
        return 66;
    };
    let flags: Vec<String> = std::fs::read_to_string(file.with_extension("args"))
        .map(|s| s.lines().map(str::to_string).collect())
        .unwrap_or_default();
    let stdin = Some(file.with_extension("in")).filter(|p| p.is_file());
    let work = std::env::temp_dir().join(format!("linemut-min-{}", std::process::id()));
    if std::fs::create_dir_all(&work).is_err() {
        eprintln!("linemut: cannot create {}", work.display());
        return 73;
    }
    let script = work.join("crash.swift");
    let test = |lines: &[String]| -> Option<String> {
        std::fs::write(&script, lines.join("\n") + "\n").ok()?;
        classify(&runner.run(&script, &flags, stdin.as_deref())).map(|(_, sig)| sig)
    };
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let Some(want) = test(&lines) else {
        eprintln!(
            "linemut: {} does not crash (with {:?})",
            file.display(),
            flags
        );
        let _ = std::fs::remove_dir_all(&work);
        return 1;
    };
    eprintln!("linemut: minimising {} lines: {want}", lines.len());
    let keeps = |lines: &[String]| test(lines).as_deref() == Some(want.as_str());
    // Until nothing changes: a line kept because a later line used it may go once that
    // line has gone.
    loop {
        let before = lines.len() + lines.iter().map(String::len).sum::<usize>();
        lines = shrink_lines(lines, &keeps);
        lines = shrink_tokens(lines, &keeps);
        if lines.len() + lines.iter().map(String::len).sum::<usize>() == before {
            break;
        }
    }
    let out = min_path(file);
    let text = lines.join("\n") + "\n";
    let _ = std::fs::write(&out, &text);
    let _ = std::fs::remove_dir_all(&work);
    println!(
        "{text}--- {} lines, signature: {want}\n--- written to {}",
        lines.len(),
        out.display()
    );
    0
}

fn min_path(file: &Path) -> PathBuf {
    let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("crash");
    file.with_file_name(format!("{stem}.min.swift"))
}

/// Removes runs of lines, from half the file down to single lines.
fn shrink_lines(mut lines: Vec<String>, keeps: &dyn Fn(&[String]) -> bool) -> Vec<String> {
    let mut chunk = (lines.len() / 2).max(1);
    loop {
        let mut i = 0;
        while i < lines.len() {
            let mut candidate = lines.clone();
            candidate.drain(i..(i + chunk).min(lines.len()));
            if keeps(&candidate) {
                lines = candidate;
            } else {
                i += chunk;
            }
        }
        if chunk == 1 {
            return lines;
        }
        chunk /= 2;
    }
}

/// Removes single tokens of each line.
fn shrink_tokens(mut lines: Vec<String>, keeps: &dyn Fn(&[String]) -> bool) -> Vec<String> {
    for i in 0..lines.len() {
        let mut k = 0;
        loop {
            let toks = tokenize(&lines[i]);
            if k >= toks.len() {
                break;
            }
            let mut t = toks.clone();
            t.remove(k);
            let mut candidate = lines.clone();
            candidate[i] = t.concat();
            if keeps(&candidate) {
                lines = candidate;
            } else {
                k += 1;
            }
        }
    }
    lines
}
