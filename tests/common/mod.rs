//! Helpers shared by the integration tests: running the `swiftlang` binary on scripts, and
//! generating big scripts.
#![allow(dead_code)]

use std::process::Command;

/// The binary, with colour off and no memory flags from the environment.
pub fn swiftlang() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_swiftlang"));
    cmd.env("NO_COLOR", "1")
        .env_remove("SWIFTLANG_MEM_STATS")
        .env_remove("SWIFTLANG_MEM_DEBUG");
    cmd
}

/// Writes `text` as script `name` in a directory of this test process (`group` keeps test
/// files apart).
pub fn script(group: &str, name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("swiftlang-{group}-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write the script");
    path
}

/// A script of about `bytes` bytes: many small functions and globals.
pub fn generated_script(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 200);
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(&format!(
            "func f{i}(_ x: Int) -> Int {{\n    let y = x * {i} + {}\n    return y - {i}\n}}\nvar v{i} = f{i}({i})\n",
            i % 7
        ));
        i += 1;
    }
    text.push_str("print(\"done\")\n");
    text
}
