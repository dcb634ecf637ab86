//! Tagged allocations (the seed's `MEM_ALLOC_TAGGED` and `OBJ_NEW(Object, "player-object")`):
//! four ways to put a tag on memory, then the seed's "Allocation by Tag" table.
//!
//! Run with `cargo run --example tagged`.

use std::alloc::Layout;

use swiftlang::alloc::{
    self, allocators_get, registry, report, AllocError, SubVec, Subsystem, Tag, TagScope,
};

/// A game entity, boxed in the Objects subsystem.
struct Entity {
    position: (f32, f32),
    health: u32,
}

fn main() -> Result<(), AllocError> {
    let game_state = Tag::new("game-state");
    let player_data = Tag::new("player-data");
    let pathfinding = Tag::new("ai-pathfinding");

    // 1. `alloc::new_tagged`: a typed value under a tag. Freeing the two enemies later leaves
    //    the tag's peak above its current size.
    let mut entities = Vec::new();
    for i in 0..6u8 {
        let entity = Entity {
            position: (f32::from(i), 0.0),
            health: 100,
        };
        entities.push(alloc::new_tagged(Subsystem::Objects, entity, game_state)?);
    }
    let health: u32 = entities.iter().map(|e| e.health).sum();
    let rightmost = entities.iter().map(|e| e.position.0).fold(0.0, f32::max);
    entities.truncate(4);

    // 2. `alloc::alloc_tagged`: an untyped block (the seed's `MEM_ALLOC_TAGGED`).
    let mut save_slot = alloc::alloc_tagged(Subsystem::Vm, 512, game_state)?;
    save_slot[0] = 1;

    // 3. `Handle::tagged`: every allocation through the handle carries the tag, including the
    //    growth of a collection that lives in it.
    let players = allocators_get(Subsystem::Vm).tagged(player_data);
    let mut scores: SubVec<u64> = SubVec::new_in(players.clone());
    scores.extend([120, 80, 95]);
    let layout = Layout::from_size_align(64, 8).map_err(|_| AllocError::TooLarge { size: 64 })?;
    // A raw block through the handle carries its tag too (a handle is an `Allocator` whose
    // calls take its tag unless they bring their own).
    let inventory = players.allocate(layout)?;

    // 4. `TagScope`: untagged allocations made while the scope is alive get its tag (code
    //    that takes no tag parameter, such as a library routine).
    let path_len = {
        let _scope = TagScope::enter(pathfinding);
        let mut open_set = Vec::new();
        for step in 0..8u32 {
            open_set.push(alloc::new(Subsystem::Objects, [step; 8])?);
        }
        let scratch = alloc::new_array(Subsystem::Vm, 256, 0u16)?;
        // Freed inside the scope, so the tag's current size drops with it.
        drop(scratch);
        open_set.len()
    };

    println!(
        "{} entities (total health {health}, rightmost at x = {rightmost}), {} scores, \
         a path of {path_len} steps\n",
        entities.len(),
        scores.len()
    );
    if registry::stats_available() {
        print!("{}", report::tag_table());
    } else {
        println!("{}", report::UNAVAILABLE);
    }

    // SAFETY: `inventory` came from this allocator with `layout`, and is not used afterwards.
    unsafe { players.free(inventory, layout)? };
    Ok(())
}
