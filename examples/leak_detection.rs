//! Leak detection (the seed's "Debugging Features"): in debug mode every subsystem sits behind
//! a trace allocator that records each live block with its size, script location, Rust
//! location and tag; whatever is still live is the leak report.
//!
//! Run with `cargo run --example leak_detection`.

use std::alloc::Layout;

use swiftlang::alloc::{
    self, allocators_get, registry, report, AllocError, AllocInfo, RegistryConfig, ScriptLocation,
    Subsystem, Tag,
};

fn main() -> Result<(), AllocError> {
    // `SWIFTLANG_MEM_DEBUG=1` does this. No handle may be alive while the registry rebuilds.
    registry::configure(RegistryConfig {
        debug: true,
        ..Default::default()
    })?;
    if !registry::is_debug() {
        println!("{}", report::UNAVAILABLE);
        println!("(leak detection needs the trace allocator, which this build does not have)");
        return Ok(());
    }

    let vm = allocators_get(Subsystem::Vm);
    let layout = |size| Layout::from_size_align(size, 8).map_err(|_| AllocError::TooLarge { size });

    // What the interpreter does: each allocation carries the script line that caused it.
    let player = vm.allocate_with(
        layout(200)?,
        &AllocInfo::tagged(Tag::new("game-state"))
            .with_script(Some(ScriptLocation::new("player.swift", 42))),
    )?;
    // The interpreter can also set the current script line once; untagged-by-location
    // allocations inherit it.
    ScriptLocation::set_current(Some(ScriptLocation::new("enemy.swift", 15)));
    let enemy = vm.allocate_with(layout(150)?, &AllocInfo::tagged(Tag::new("ai-data")))?;
    let enemy_name = alloc::strdup(Subsystem::Strings, "goblin")?;
    ScriptLocation::set_current(None);

    // Without a script location the report shows the Rust file and line instead.
    let scratch = vm.allocate(layout(64)?)?;
    let config_block = alloc::alloc_block(Subsystem::Modules, 48)?;

    // Freed properly: these do not appear in the report.
    let freed = vm.allocate(layout(1000)?)?;
    // SAFETY: `freed` came from this allocator with this layout, and is not used afterwards.
    unsafe { vm.free(freed, layout(1000)?)? };
    drop(enemy_name);

    // Leaked on purpose: `forget` skips the block's drop, and the raw blocks are never freed.
    std::mem::forget(config_block);
    let leaked = [player, enemy, scratch];
    println!(
        "leaked on purpose: {} raw blocks and one `Block`\n",
        leaked.len()
    );

    print!("{}", report::registry_leak_report());
    Ok(())
}
