//! The playground's components, one file each.

pub mod about;
pub mod callbacks;
pub mod controls;
pub mod dataflow;
pub mod design;
pub mod events;
pub mod export;
pub mod format;
pub mod graph;
pub mod html;
pub mod inspector;
pub mod json;
pub mod layout;
pub mod learn;
pub mod map_run;
pub mod notice;
pub mod open;
pub mod problems;
pub mod recording;
pub mod share;
pub mod substitutions;
pub mod tabs;
pub mod test_state;
pub mod tests;
pub mod timeline;
pub mod toolbar;
