//! The parts of the `asl` command that its tests (and other programs) use directly.

pub mod jsonata;
pub mod quickjs;
