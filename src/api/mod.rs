//! The typed VPS.org API client: the only code that knows URLs and headers.
//! The client and its writes are in `client.rs`, the paginated lists in
//! `list.rs` (their pages after the first read in `pages.rs`, numbered
//! pages side by side: `page_numbers.rs`); status codes and error bodies are read in [`error`].

mod client;
pub mod error;
mod http;
mod list;
mod next_page;
mod page_numbers;
mod pages;
pub mod types;
pub mod writes;

pub use client::{provide_api, use_api, ApiClient};
pub use error::ApiError;
pub use list::{FirstPage, Listed, Told};
