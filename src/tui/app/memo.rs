//! A value derived from the app's data, kept until what it was derived from changes: the
//! speakers table, the quote variants, a source's "only here" claims, the source order.
//! Built on first use (rendering included, which reads `&App`), so a view costs nothing
//! until it is opened.

use std::cell::RefCell;
use std::sync::{Arc, Weak};

/// An `Arc`'s identity as a key (the dossier, the analysis): held weakly, so that its
/// allocation, and so its address, cannot be reused by a new value while it is kept.
#[derive(Debug)]
pub struct Identity<T>(Weak<T>);

impl<T> Identity<T> {
    /// The identity of `a`.
    pub fn of(a: &Arc<T>) -> Self {
        Identity(Arc::downgrade(a))
    }
}

impl<T> PartialEq for Identity<T> {
    fn eq(&self, o: &Self) -> bool {
        Weak::ptr_eq(&self.0, &o.0)
    }
}

/// One derived value and the key it was derived for.
#[derive(Debug)]
pub struct Memo<K, V>(RefCell<Option<(K, Arc<V>)>>);

impl<K, V> Default for Memo<K, V> {
    fn default() -> Self {
        Memo(RefCell::new(None))
    }
}

impl<K: PartialEq, V> Memo<K, V> {
    /// The value for `key`: the kept one when it was made for `key`, else `make()`.
    pub fn get(&self, key: K, make: impl FnOnce() -> V) -> Arc<V> {
        let mut cell = self.0.borrow_mut();
        if let Some((k, v)) = &*cell {
            if *k == key {
                return v.clone();
            }
        }
        let v = Arc::new(make());
        *cell = Some((key, v.clone()));
        v
    }

    /// Keep `value`, made elsewhere (off the UI thread), as the value for `key`.
    pub fn put(&self, key: K, value: Arc<V>) {
        *self.0.borrow_mut() = Some((key, value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The value is made once per key and made again for another key.
    #[test]
    fn made_once_per_key() {
        let m: Memo<u8, u32> = Memo::default();
        let mut made = 0;
        for key in [1, 1, 2, 2, 1] {
            m.get(key, || {
                made += 1;
                u32::from(key)
            });
        }
        assert_eq!(made, 3);
        assert_eq!(*m.get(1, || 9), 1);
    }

    /// Two values equal in content are two identities; clones of one `Arc` are one.
    #[test]
    fn identity_is_the_allocation() {
        let (a, b) = (Arc::new(1), Arc::new(1));
        assert!(Identity::of(&a) == Identity::of(&a.clone()));
        assert!(Identity::of(&a) != Identity::of(&b));
    }
}
