//! The domain's tests at scale, against independent brute-force
//! computations. One test binary keeps link time down.

mod spatial_at_scale;
