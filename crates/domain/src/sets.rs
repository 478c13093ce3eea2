//! Lists that mean sets (an offer's trades and audiences, a partner's
//! operators): a value named twice is refused rather than silently merged,
//! so that a client's mistake is seen where it was made.

/// The position of the first value that already appears earlier.
pub fn first_repeated<T: PartialEq>(values: &[T]) -> Option<usize> {
    (1..values.len()).find(|&i| values[..i].contains(&values[i]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_value_is_found_at_its_second_place() {
        assert_eq!(first_repeated(&[1, 2, 3]), None);
        assert_eq!(first_repeated(&[1, 2, 1]), Some(2));
        assert_eq!(first_repeated(&["a", "b", "b", "a"]), Some(2));
        assert_eq!(first_repeated::<i32>(&[]), None);
    }
}
