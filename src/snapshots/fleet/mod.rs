//! Work on many snapshots at once: the selection, deletes waiting in their
//! undo window (`pending/`), the batch of creates on several servers
//! (`batch_run.rs` what it is, `batch.rs` how it is sent), and
//! their parts of the page (`row_controls.rs`, `bars.rs`).

mod bars;
mod batch;
mod batch_run;
mod pending;
mod row_controls;
mod selection;

pub use bars::{DeleteFailures, PendingBanner, SelectionBar};
pub use batch::{provide_create_batch, use_create_batch};
pub use batch_run::BatchRun;
pub use pending::{provide_pending_deletes, use_pending_deletes};
pub use row_controls::{RowPendingDelete, RowSelect, SectionSelectAll};
pub use selection::provide_selection;
