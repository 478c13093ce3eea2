//! Pages of lists kept in the database (audit entries, contact requests),
//! by keyset: a page is the items after a key, and one more item than the
//! page holds is asked for, to know whether another page follows. Lists
//! answered from the catalogue page themselves (`domain::page`).

use std::future::Future;

use domain::page::{Page, PageSize};
use storage::StorageError;

use crate::{AppError, AppResult};

/// Reads a requested page size (`first`): 0 to 100, 20 by default.
pub fn page_size(first: Option<i32>) -> AppResult<PageSize> {
    PageSize::parse(first.map(i64::from)).map_err(|e| AppError::bad_input("first", e))
}

/// Reads one page: `fetch(after, limit)` returns at most `limit` items after
/// the key `after`, in the list's order; `key` gives each item's key, which
/// its cursor carries.
pub async fn keyset_page<T, K, F, Fut>(
    size: PageSize,
    after: Option<K>,
    fetch: F,
    key: impl Fn(&T) -> K,
) -> AppResult<Page<T, K>>
where
    K: Copy,
    F: FnOnce(Option<K>, u64) -> Fut,
    Fut: Future<Output = Result<Vec<T>, StorageError>>,
{
    let limit = size.get();
    let mut items = fetch(after, limit as u64 + 1).await?;
    let has_next_page = items.len() > limit;
    items.truncate(limit);
    Ok(Page {
        items: items
            .into_iter()
            .map(|item| {
                let position = key(&item);
                (item, position)
            })
            .collect(),
        total_count: None,
        has_next_page,
        has_previous_page: after.is_some(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn newest_first(after: Option<i64>, limit: u64) -> Result<Vec<i64>, StorageError> {
        Ok((1..=5)
            .rev()
            .filter(|n| after.is_none_or(|a| *n < a))
            .take(limit as usize)
            .collect())
    }

    #[tokio::test]
    async fn pages_follow_each_other_without_gaps_or_repeats() {
        let size = PageSize::parse(Some(2)).unwrap();
        let first = keyset_page(size, None, newest_first, |n| *n).await.unwrap();
        assert_eq!(first.items, vec![(5, 5), (4, 4)]);
        assert!(first.has_next_page && !first.has_previous_page);
        let third = keyset_page(size, Some(2), newest_first, |n| *n)
            .await
            .unwrap();
        assert_eq!(third.items, vec![(1, 1)]);
        assert!(!third.has_next_page && third.has_previous_page);
    }
}
