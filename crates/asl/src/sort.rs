//! A stable insertion sort for the short lists the engine and the playground sort (variables,
//! deadlines, diagnostics, the nodes of one graph layer). The standard library's sorts win on
//! long lists but add kilobytes of WebAssembly for every element type they sort, and the
//! playground's wasm has a size budget; these lists are short.

/// Sorts `v` by `key`, keeping elements with equal keys in their order.
pub fn sort_by_key<T, K: PartialOrd>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > key(&v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_and_keeps_equal_keys_in_order() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut empty: Vec<u8> = Vec::new();
        sort_by_key(&mut empty, |x| *x);
    }
}
