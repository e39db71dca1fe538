// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recon/hugepages.h"

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace wxr::core {

/// An open-addressing hash index from short text keys (order and refund numbers) to record
/// positions, for the matcher's joins over a million rows: one flat array, linear probing,
/// no allocation per key — several times faster than std::unordered_map here, which spent
/// most of a reconciliation chasing nodes. Keys are views; the caller keeps the bytes alive.
/// Not thread-safe.
class KeyIndex final
{
public:
    static constexpr std::uint32_t npos = 0xffffffffu;

private:
    struct Slot
    {
        std::string_view key;
        std::uint32_t hash;
        std::uint32_t value;
    };
    static constexpr Slot kEmpty{std::string_view(), 0, npos};

public:
    explicit KeyIndex(size_t expected = 0) { reserve(expected); }

    /// Inserts `key` → `value` unless the key is present. Returns the stored value (the
    /// existing one when the key was already there) and whether this call inserted.
    std::pair<std::uint32_t, bool> insert(std::string_view key, std::uint32_t value)
    {
        if ((m_size + 1) * 2 > m_slots.size())
            grow();
        const std::uint64_t h = hash(key);
        for (size_t i = h & m_mask;; i = (i + 1) & m_mask) {
            Slot &s = m_slots[i];
            if (s.value == npos) {
                s = Slot{key, static_cast<std::uint32_t>(h), value};
                ++m_size;
                return {value, true};
            }
            if (s.hash == static_cast<std::uint32_t>(h) && s.key == key)
                return {s.value, false};
        }
    }

    /// Replaces the value of a present key (no effect when absent).
    void assign(std::string_view key, std::uint32_t value)
    {
        if (m_size == 0)
            return;
        const std::uint64_t h = hash(key);
        for (size_t i = h & m_mask;; i = (i + 1) & m_mask) {
            Slot &s = m_slots[i];
            if (s.value == npos)
                return;
            if (s.hash == static_cast<std::uint32_t>(h) && s.key == key) {
                s.value = value;
                return;
            }
        }
    }

    /// The value stored for `key`, or npos.
    [[nodiscard]] std::uint32_t find(std::string_view key) const
    {
        if (m_size == 0)
            return npos;
        const std::uint64_t h = hash(key);
        for (size_t i = h & m_mask;; i = (i + 1) & m_mask) {
            const Slot &s = m_slots[i];
            if (s.value == npos)
                return npos;
            if (s.hash == static_cast<std::uint32_t>(h) && s.key == key)
                return s.value;
        }
    }

    [[nodiscard]] bool contains(std::string_view key) const { return find(key) != npos; }

    /// Asks the CPU to fetch the slot where a search for `key` starts. A million lookups in
    /// a table far larger than the caches wait on one memory access each; issued a few keys
    /// ahead, those waits overlap.
    void prefetch(std::string_view key) const
    {
        if (!m_slots.empty())
            __builtin_prefetch(&m_slots[hash(key) & m_mask]);
    }

    [[nodiscard]] size_t size() const { return m_size; }

    void reserve(size_t expected)
    {
        size_t want = 16;
        while (want < expected * 2)
            want *= 2;
        if (want > m_slots.size())
            rehash(want);
    }

    /// A fast 64-bit hash of short keys (8 bytes at a time, multiply-xorshift mixing).
    static std::uint64_t hash(std::string_view s)
    {
        std::uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
        size_t i = 0;
        for (; i + 8 <= s.size(); i += 8) {
            std::uint64_t v;
            std::memcpy(&v, s.data() + i, 8);
            h = (h ^ v) * 0xBF58476D1CE4E5B9ull;
            h ^= h >> 31;
        }
        std::uint64_t v = 0;
        if (i < s.size())
            std::memcpy(&v, s.data() + i, s.size() - i);
        h = (h ^ v) * 0x94D049BB133111EBull;
        return h ^ (h >> 29);
    }

private:
    void grow() { rehash(m_slots.empty() ? 16 : m_slots.size() * 2); }

    void rehash(size_t capacity) // not "slots": Qt defines that word away
    {
        std::vector<Slot> old = std::move(m_slots);
        m_slots = {};
        hugepages::reserve(m_slots, capacity);
        m_slots.assign(capacity, kEmpty);
        m_mask = capacity - 1;
        m_size = 0;
        for (const Slot &s : old) {
            if (s.value == npos)
                continue;
            for (size_t i = s.hash & m_mask;; i = (i + 1) & m_mask) {
                if (m_slots[i].value == npos) {
                    m_slots[i] = s;
                    ++m_size;
                    break;
                }
            }
        }
    }

    std::vector<Slot> m_slots;
    size_t m_mask = 0;
    size_t m_size = 0;
};

/// An index of records that hold their keys (a day's orders), from a key to the record's
/// position. A slot is 8 bytes, the position and 32 bits of the key's hash, against KeyIndex's
/// 24 with the key: a third of the memory for a million orders, and a lookup reads one slot,
/// not a slot and the key it stores. The keys are compared in the records (`keyAt(position)`,
/// given to each call that may need it). Linear probing, like KeyIndex. Not thread-safe for
/// writes; reads from several threads are fine.
class PositionIndex final
{
public:
    static constexpr std::uint32_t npos = KeyIndex::npos;

    explicit PositionIndex(size_t expected = 0)
    {
        size_t capacity = 16;
        while (capacity < expected * 2)
            capacity *= 2;
        allocate(capacity);
    }

    /// Inserts `key` at `position` unless the key is present. Returns the stored position (the
    /// existing one when the key was already there) and whether this call inserted. `keyAt`
    /// gives the key of a stored position.
    template<typename KeyAt>
    std::pair<std::uint32_t, bool> insert(std::string_view key, std::uint32_t position,
                                          const KeyAt &keyAt)
    {
        if ((m_size + 1) * 2 > m_slots.size())
            grow(keyAt);
        const std::uint64_t h = KeyIndex::hash(key);
        Slot &s = m_slots[probe(h, sameKey(key, h, keyAt))];
        if (s.position != npos)
            return {s.position, false};
        s = Slot{checkOf(h), position};
        ++m_size;
        return {position, true};
    }

    /// The position of `key`, or npos.
    template<typename KeyAt>
    [[nodiscard]] std::uint32_t find(std::string_view key, const KeyAt &keyAt) const
    {
        if (m_size == 0)
            return npos;
        const std::uint64_t h = KeyIndex::hash(key);
        return m_slots[probe(h, sameKey(key, h, keyAt))].position;
    }

    /// find()'s answer without reading any key: the first position on `key`'s probe path whose
    /// hash bits match (npos when there is none, and then the key is surely absent). Two keys
    /// rarely share those bits, but they may: the caller confirms the answer by comparing the
    /// record's key, and asks find() when it differs. For lookups of a million keys on
    /// several threads that thus never touch the records.
    [[nodiscard]] std::uint32_t candidate(std::string_view key) const
    {
        if (m_size == 0)
            return npos;
        const std::uint64_t h = KeyIndex::hash(key);
        const std::uint32_t check = checkOf(h);
        return m_slots[probe(h, [check](const Slot &s) { return s.check == check; })].position;
    }

    /// Asks the CPU to fetch the slot where a search for `key` starts (KeyIndex::prefetch).
    void prefetch(std::string_view key) const
    {
        if (!m_slots.empty())
            __builtin_prefetch(&m_slots[KeyIndex::hash(key) & m_mask]);
    }

    [[nodiscard]] size_t size() const { return m_size; }

private:
    struct Slot
    {
        std::uint32_t check; ///< the high half of the key's hash (the low half picks the slot)
        std::uint32_t position;
    };

    static std::uint32_t checkOf(std::uint64_t hash) { return std::uint32_t(hash >> 32); }

    // Whether a slot holds `key` (hash `hash`): the hash bits first, then the record's key.
    template<typename KeyAt>
    static auto sameKey(std::string_view key, std::uint64_t hash, const KeyAt &keyAt)
    {
        return [key, check = checkOf(hash), &keyAt](const Slot &s) {
            return s.check == check && keyAt(s.position) == key;
        };
    }

    // Where a search for the key of `hash` ends: the first slot on its path that is empty or
    // that `accepts`.
    template<typename Accepts>
    size_t probe(std::uint64_t hash, const Accepts &accepts) const
    {
        size_t i = hash & m_mask;
        while (m_slots[i].position != npos && !accepts(m_slots[i]))
            i = (i + 1) & m_mask;
        return i;
    }

    void allocate(size_t capacity)
    {
        m_slots = {};
        hugepages::reserve(m_slots, capacity);
        m_slots.assign(capacity, Slot{0, npos});
        m_mask = capacity - 1;
    }

    // Twice the slots; the stored positions move by their keys' hashes.
    template<typename KeyAt>
    void grow(const KeyAt &keyAt)
    {
        const std::vector<Slot> old = std::move(m_slots);
        allocate(old.size() * 2);
        for (const Slot &s : old) {
            if (s.position == npos)
                continue;
            size_t i = KeyIndex::hash(keyAt(s.position)) & m_mask;
            while (m_slots[i].position != npos)
                i = (i + 1) & m_mask;
            m_slots[i] = s;
        }
    }

    std::vector<Slot> m_slots;
    size_t m_mask = 0;
    size_t m_size = 0;
};

} // namespace wxr::core
