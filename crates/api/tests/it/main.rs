//! The API crate's own tests. HTTP behaviour is tested end to end in the
//! `e2e` crate; these check the schema as a library.

mod policy_rows;
mod sdl;
