//! Helpers shared by the integration tests that run the `swiftlang` binary on scripts.
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
