//! Page sizes for lists. Every list is paged, and no page is larger than
//! [`PageSize::MAX`], so one request cannot ask for the whole catalogue.

/// How many items a page holds: 0 to [`PageSize::MAX`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageSize(usize);

/// The requested page size was negative or above the maximum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("must be between 0 and {max}, got {requested}", max = PageSize::MAX)]
pub struct PageSizeError {
    pub requested: i64,
}

impl PageSize {
    pub const MAX: usize = 100;
    pub const DEFAULT: PageSize = PageSize(20);

    /// Parses a requested size; `None` gives [`PageSize::DEFAULT`].
    pub fn parse(requested: Option<i64>) -> Result<Self, PageSizeError> {
        match requested {
            None => Ok(Self::DEFAULT),
            Some(n) if (0..=Self::MAX as i64).contains(&n) => Ok(Self(n as usize)),
            Some(n) => Err(PageSizeError { requested: n }),
        }
    }

    pub fn get(self) -> usize {
        self.0
    }
}

/// One page of results, with what Relay's `pageInfo` needs.
#[derive(Debug)]
pub struct Page<T, P> {
    /// The items and each one's position (for its cursor).
    pub items: Vec<(T, P)>,
    /// How many items match the filter, over all pages; `None` when the
    /// search was asked not to count (counting can cost more than the page).
    pub total_count: Option<usize>,
    pub has_next_page: bool,
    /// Whether items come before the first of this page.
    pub has_previous_page: bool,
}

impl<T, P: Clone> Page<T, P> {
    /// Cuts one page out of all matching items, already in order: those after
    /// `after` (by `is_after`), at most `size` of them.
    pub fn cut(
        matching: Vec<(T, P)>,
        size: PageSize,
        after: Option<&P>,
        is_after: impl Fn(&P, &P) -> bool,
    ) -> Self {
        let total_count = matching.len();
        let start = match after {
            Some(cursor) => matching
                .iter()
                .position(|(_, position)| is_after(position, cursor))
                .unwrap_or(total_count),
            None => 0,
        };
        let has_next_page = total_count - start > size.get();
        let items: Vec<(T, P)> = matching.into_iter().skip(start).take(size.get()).collect();
        Page {
            items,
            total_count: Some(total_count),
            has_next_page,
            has_previous_page: start > 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_size_is_capped_at_one_hundred() {
        assert_eq!(PageSize::parse(None).unwrap().get(), 20);
        assert_eq!(PageSize::parse(Some(100)).unwrap().get(), 100);
        assert_eq!(PageSize::parse(Some(0)).unwrap().get(), 0);
        assert_eq!(
            PageSize::parse(Some(1000)),
            Err(PageSizeError { requested: 1000 })
        );
        assert!(PageSize::parse(Some(-1)).is_err());
    }

    #[test]
    fn cut_resumes_strictly_after_the_cursor() {
        let items: Vec<(char, u32)> = vec![('a', 1), ('b', 2), ('c', 3), ('d', 4)];
        let size = PageSize::parse(Some(2)).unwrap();
        let first = Page::cut(items.clone(), size, None, |p, c| p > c);
        assert_eq!(first.items, vec![('a', 1), ('b', 2)]);
        assert!(first.has_next_page && !first.has_previous_page);
        let second = Page::cut(items, size, Some(&2), |p, c| p > c);
        assert_eq!(second.items, vec![('c', 3), ('d', 4)]);
        assert!(!second.has_next_page && second.has_previous_page);
        assert_eq!(second.total_count, Some(4));
    }
}
