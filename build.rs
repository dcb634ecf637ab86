//! Generates the parser from grammar/swiftlang.lalrpop into OUT_DIR.

fn main() {
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| "target/lalrpop".into());
    if let Err(e) = lalrpop::Configuration::new()
        .set_in_dir("grammar")
        .set_out_dir(out)
        .emit_rerun_directives(true)
        .process()
    {
        eprintln!("LALRPOP failed: {e}");
        std::process::exit(1);
    }
}
