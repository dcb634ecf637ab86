//! The REPL at a real terminal (a pseudo-terminal driven by expectrl): numbered prompts, the
//! continuation prompt, Ctrl-C cancelling the input, Ctrl-D leaving, and the history file
//! written in the user's data directory and reloaded by the next session.
#![cfg(unix)]

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use expectrl::{ControlCode, Eof, Expect, Session};

type Result<T> = std::result::Result<T, expectrl::Error>;

fn spawn(data_home: &Path) -> Result<expectrl::session::OsSession> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_swiftlang"));
    cmd.env("XDG_DATA_HOME", data_home)
        .env("TERM", "xterm")
        .env("NO_COLOR", "1");
    for var in [
        "SWIFTLANG_MEM_STATS",
        "SWIFTLANG_MEM_DEBUG",
        "SWIFTLANG_SEED",
    ] {
        cmd.env_remove(var);
    }
    let mut session = Session::spawn(cmd)?;
    session.set_expect_timeout(Some(Duration::from_secs(30)));
    Ok(session)
}

#[test]
fn prompts_continuation_ctrl_c_ctrl_d_and_history() -> Result<()> {
    let data_home = std::env::temp_dir().join(format!("swiftlang-repl-pty-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data_home);
    std::fs::create_dir_all(&data_home)?;

    let mut p = spawn(&data_home)?;
    p.expect("Type :help for assistance.")?;
    p.expect("  1> ")?;
    p.send_line("let x = 1 + 2")?;
    p.expect("x: Int = 3")?;
    p.expect("  2> ")?;

    // An open brace continues the entry: the prompt shows the line, with a dot.
    p.send_line("func twice() -> Int {")?;
    p.expect("  3. ")?;
    p.send_line("    return x * 2")?;
    p.expect("  4. ")?;
    p.send_line("}")?;
    p.expect("  5> ")?;
    p.send_line("twice()")?;
    p.expect("$R0: Int = 6")?;
    p.expect("  6> ")?;

    // A trailing operator continues too.
    p.send_line("let sum = 1 +")?;
    p.expect("  7. ")?;
    p.send_line("2")?;
    p.expect("sum: Int = 3")?;
    p.expect("  8> ")?;

    // Ctrl-C drops the input typed so far, continuation lines included.
    p.send_line("let dropped = [")?;
    p.expect("  9. ")?;
    p.send("1, 2")?;
    p.send(ControlCode::EndOfText)?;
    p.expect("  8> ")?;
    p.send_line("dropped")?;
    p.expect("cannot find 'dropped' in scope")?;
    p.expect("  9> ")?;

    // Ctrl-C stops code that runs too long; the session goes on.
    p.send_line("var spins = 0; while true { spins += 1 }")?;
    std::thread::sleep(Duration::from_millis(300));
    p.send(ControlCode::EndOfText)?;
    p.expect("Fatal error: Execution interrupted")?;
    p.expect(" 10> ")?;
    p.send_line("spins > 0")?;
    p.expect("$R1: Bool = true")?;
    p.expect(" 11> ")?;

    // A trap is reported and the session goes on.
    p.send_line("[1][5]")?;
    p.expect("Fatal error: Index out of range")?;
    p.expect(" 12> ")?;
    p.send_line("print(\"from history\")")?;
    p.expect("from history")?;
    p.expect(" 13> ")?;

    // Ctrl-D on an empty line leaves.
    p.send(ControlCode::EndOfTransmission)?;
    p.expect(Eof)?;

    let history = std::fs::read_to_string(data_home.join("swiftlang").join("history"))?;
    assert!(history.contains("let x = 1 + 2"), "{history}");
    assert!(history.contains("print(\"from history\")"), "{history}");
    assert!(
        !history.contains("dropped = ["),
        "cancelled input is not history: {history}"
    );

    // The next session reloads the history: Up recalls the last entry.
    let mut p = spawn(&data_home)?;
    p.expect("  1> ")?;
    p.send("\x1b[A")?;
    p.expect("print(\"from history\")")?;
    p.send("\r")?;
    p.expect("from history")?;
    p.expect("  2> ")?;
    p.send_line(":quit")?;
    p.expect(Eof)?;

    let _ = std::fs::remove_dir_all(&data_home);
    Ok(())
}

/// Ctrl-C while `readLine()` waits for a line interrupts the read at once (not at the next
/// Enter); the session goes on (issue 14, item 28).
#[test]
fn ctrl_c_interrupts_a_pending_read_line() -> Result<()> {
    let data_home =
        std::env::temp_dir().join(format!("swiftlang-repl-pty-read-{}", std::process::id()));
    std::fs::create_dir_all(&data_home)?;
    let mut p = spawn(&data_home)?;
    p.expect("  1> ")?;
    p.send_line("let line = readLine()")?;
    std::thread::sleep(Duration::from_millis(300));
    p.send(ControlCode::EndOfText)?;
    p.expect("Fatal error: Execution interrupted")?;
    p.expect("  2> ")?;
    p.send_line("print(\"still here\")")?;
    p.expect("still here")?;
    p.send_line(":quit now")?;
    p.expect(Eof)?;
    let _ = std::fs::remove_dir_all(&data_home);
    Ok(())
}

/// Lines that arrive in one burst (typed ahead while the REPL waits or while code runs, or
/// pasted without bracketed paste) are each read, in order: none is dropped, none is cut
/// (issue 14, item 23).
#[test]
fn lines_typed_ahead_or_pasted_all_run_in_order() -> Result<()> {
    let data_home =
        std::env::temp_dir().join(format!("swiftlang-repl-pty-burst-{}", std::process::id()));
    std::fs::create_dir_all(&data_home)?;
    let mut p = spawn(&data_home)?;
    p.expect("  1> ")?;

    // Four lines in one write while the REPL waits at the prompt.
    p.send("let a = 1\nlet b = a + 1\nprint(\"b is \\(b)\")\nlet c = b * 10\n")?;
    p.expect("a: Int = 1")?;
    p.expect("b: Int = 2")?;
    p.expect("b is 2")?;
    p.expect("c: Int = 20")?;
    p.expect("  5> ")?;

    // Lines typed while an entry still runs wait for it, then run in order.
    p.send_line("var n = 0; for i in 0..<200000 { n += i % 7 }")?;
    p.send_line("print(\"first after\")")?;
    p.send_line("print(\"second after\", n)")?;
    p.expect("first after")?;
    p.expect("second after 599994")?;
    p.expect("  8> ")?;

    // A long function definition pasted at once (no bracketed paste: plain bytes, far more
    // than one read of the terminal), then a call on the same burst.
    let mut paste = String::from("func pasted() -> [Int] {\n    var seen: [Int] = []\n");
    for k in 0..300 {
        paste.push_str(&format!("    seen.append({k})\n"));
    }
    paste.push_str("    return seen\n}\n");
    paste.push_str("let got = pasted()\n");
    paste.push_str("print(got.count, got.first!, got.last!, got == Array(0..<300))\n");
    p.send(&paste)?;
    p.expect("300 0 299 true")?;
    p.expect("314> ")?;
    p.send_line(":quit")?;
    p.expect(Eof)?;
    let _ = std::fs::remove_dir_all(&data_home);
    Ok(())
}
