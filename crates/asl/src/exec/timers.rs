//! Things scheduled for a moment of virtual time, fired in time order (ties in the order they
//! were scheduled, so runs are deterministic).

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use super::frames::{Flow, FrameId};
use super::{RequestId, TaskAnswer};

#[derive(Debug)]
pub(super) enum Timer {
    /// Resume a frame (a Wait ends, a retry's backoff is over).
    Resume(FrameId, Flow),
    /// A task's TimeoutSeconds ran out.
    TaskTimeout(RequestId),
    /// A callback task's HeartbeatSeconds ran out; the `i64` is the heartbeat it belongs to.
    HeartbeatTimeout(RequestId, i64),
    /// A task's answer arrives after its simulated latency.
    Answer(RequestId, TaskAnswer),
    /// The state machine's own TimeoutSeconds ran out.
    ExecutionTimeout,
    /// A Distributed Map's EXPRESS child reached the five minutes an express execution may run.
    ChildTimeout(FrameId),
}

#[derive(Debug)]
struct Entry {
    at: i64,
    seq: u64,
    timer: Timer,
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.at == other.at && self.seq == other.seq
    }
}
impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Entry {
    /// Reversed, so the max-heap pops the earliest entry first.
    fn cmp(&self, other: &Self) -> Ordering {
        (other.at, other.seq).cmp(&(self.at, self.seq))
    }
}

#[derive(Debug, Default)]
pub(super) struct Timers {
    heap: BinaryHeap<Entry>,
    seq: u64,
}

impl Timers {
    pub fn schedule(&mut self, at: i64, timer: Timer) {
        self.seq += 1;
        self.heap.push(Entry { at, seq: self.seq, timer });
    }

    pub fn next_at(&self) -> Option<i64> {
        self.heap.peek().map(|e| e.at)
    }

    /// The earliest timer due at or before `now`.
    pub fn pop_due(&mut self, now: i64) -> Option<(i64, Timer)> {
        if self.heap.peek()?.at <= now { self.heap.pop().map(|e| (e.at, e.timer)) } else { None }
    }

    pub fn clear(&mut self) {
        self.heap.clear();
    }
}
