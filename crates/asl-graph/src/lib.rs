//! The graph of a state machine, and where to draw it.
//!
//! [`build`] turns the engine's model into a [`Graph`]: every state a node, every transition an
//! edge (Next, each Choice rule with its condition, Default, each Catch), with Start and End
//! markers, and Parallel branches and Map item processors as graphs nested inside their state's
//! node. [`layout`] places it: each nested graph is laid out on its own, then its state is placed
//! as one sized node in its parent, in layers from top to bottom.
//!
//! Both are pure functions, kept out of the web app so they can be tested (and timed) natively.

mod build;
mod describe;
mod layered;
mod layout;

pub use build::{Cluster, Edge, EdgeKind, Graph, Node, NodeKind, build};
pub use describe::describe_condition;
pub use layout::{LABEL_CHARS, Layout, PlacedEdge, PlacedNode, layout};
