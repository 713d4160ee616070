//! Rollback readiness on the page: each server's freshest rollback point
//! (`state.rs`), the line in its section, the summary of servers without a
//! recent one and the quick filter to them (`views.rs`).

mod state;
mod views;

pub use state::{provide_readiness, RollbackReadiness};
pub use views::{ReadinessLine, ReadinessSummary};
