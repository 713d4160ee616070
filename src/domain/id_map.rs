//! A small map from ids to values.
//!
//! The store's maps hold a few entries each (servers being polled or
//! restored, messages of snapshots just created, one server's snapshots). A
//! vector searched in order is as quick as hashing at that size, and keeps
//! `HashMap`'s code and hasher out of the wasm (issue 8).

/// Values by id, each id once.
#[derive(Clone, Debug, PartialEq)]
pub struct IdMap<V>(Vec<(u64, V)>);

impl<V> Default for IdMap<V> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<V> IdMap<V> {
    /// The value of `id`.
    pub fn get(&self, id: u64) -> Option<&V> {
        self.0.iter().find(|(k, _)| *k == id).map(|(_, v)| v)
    }

    /// The value of `id`, to change it.
    pub fn get_mut(&mut self, id: u64) -> Option<&mut V> {
        self.0.iter_mut().find(|(k, _)| *k == id).map(|(_, v)| v)
    }

    /// Sets the value of `id`, replacing any earlier one.
    pub fn insert(&mut self, id: u64, value: V) {
        match self.get_mut(id) {
            Some(slot) => *slot = value,
            None => self.0.push((id, value)),
        }
    }

    /// Takes the value of `id` out.
    pub fn remove(&mut self, id: u64) -> Option<V> {
        let index = self.0.iter().position(|(k, _)| *k == id)?;
        Some(self.0.swap_remove(index).1)
    }

    /// Every id with its value.
    pub fn iter(&self) -> impl Iterator<Item = (u64, &V)> {
        self.0.iter().map(|(k, v)| (*k, v))
    }

    /// The values, in no particular order.
    pub fn into_values(self) -> impl Iterator<Item = V> {
        self.0.into_iter().map(|(_, v)| v)
    }
}

impl<V> FromIterator<(u64, V)> for IdMap<V> {
    /// Later entries win over earlier ones with the same id.
    fn from_iter<I: IntoIterator<Item = (u64, V)>>(entries: I) -> Self {
        let mut map = Self::default();
        for (id, value) in entries {
            map.insert(id, value);
        }
        map
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_one_value_per_id() {
        let mut map: IdMap<&str> = [(1, "a"), (2, "b"), (1, "c")].into_iter().collect();
        assert_eq!(map.get(1), Some(&"c"));
        assert_eq!(map.iter().count(), 2);
        map.insert(2, "d");
        assert_eq!(map.get(2), Some(&"d"));
        if let Some(value) = map.get_mut(2) {
            *value = "e";
        }
        assert_eq!(map.remove(2), Some("e"));
        assert_eq!(map.remove(2), None);
        assert_eq!(map.get(3), None);
        assert_eq!(map.into_values().collect::<Vec<_>>(), vec!["c"]);
    }
}
