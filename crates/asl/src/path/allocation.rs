//! Test-only: selecting through a definite path allocates nothing, since the interpreter does
//! it millions of times. Counts this thread's allocations with a wrapping global allocator.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use serde_json::json;

use super::Path;

struct CountingAllocator;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is forwarded unchanged to the system allocator; counting touches only a
// thread-local integer (`try_with` so that it also works while a thread is being torn down).
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|count| count.set(count.get() + 1));
        // SAFETY: the caller's guarantees for `layout` are passed on as they are.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` with this `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

fn allocations() -> usize {
    ALLOCATIONS.with(Cell::get)
}

#[test]
fn definite_select_does_not_allocate() {
    let input = json!({"a": {"b": [1, {"c": "x"}]}, "s": "text"});
    let paths: Vec<Path> = ["$", "$.a.b", "$.a.b[1].c", "$['a']['b'][-1]", "$.missing.x", "$.s[0]"]
        .iter()
        .filter_map(|text| Path::parse(text).ok())
        .collect();
    assert_eq!(paths.len(), 6);
    let before = allocations();
    let mut found = 0;
    for path in &paths {
        found += usize::from(path.select(&input).is_some());
    }
    assert_eq!(allocations(), before, "selecting allocated");
    assert_eq!(found, 4);
}

#[test]
fn the_counter_sees_allocations() {
    let before = allocations();
    let text = std::hint::black_box(String::from("allocates"));
    assert!(allocations() > before, "{text}");
}
