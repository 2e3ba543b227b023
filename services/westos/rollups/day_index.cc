#include "services/westos/rollups/day_index.h"

#include <utility>

#include "absl/container/flat_hash_set.h"

namespace wp::westos {
namespace {

size_t BitmapBytes(const Roaring& r) { return r.getSizeInBytes(); }

}  // namespace

DayIndex DayIndex::Build(const std::vector<ActivityRow>& rows) {
  DayIndex index;
  index.events_ = static_cast<int64_t>(rows.size());
  // The first person-dimensions seen per user; a later event that differs
  // makes the user mixed for the day.
  absl::flat_hash_map<uint32_t, Dimensions> first_seen;
  for (const ActivityRow& row : rows) {
    index.everyone_.add(row.user);
    index.by_person_value_[Key(kAuthority, row.dims.authority)].add(row.user);
    index.by_person_value_[Key(kSector, row.dims.sector)].add(row.user);
    index.by_person_value_[Key(kRole, row.dims.role)].add(row.user);
    index.by_person_value_[Key(kSimd, row.dims.simd)].add(row.user);
    index.by_content_[row.dims.content].add(row.user);
    index.combinations_[row.dims].Add(row);
    Dimensions person = row.dims;
    person.content = 0;
    index.person_combinations_[person].Add(row);
    auto [it, inserted] = first_seen.try_emplace(row.user, row.dims);
    if (!inserted && !it->second.SamePerson(row.dims)) index.mixed_.add(row.user);
  }
  if (!index.mixed_.isEmpty()) {
    absl::flat_hash_set<std::pair<uint32_t, Dimensions>> seen;
    for (const ActivityRow& row : rows) {
      if (index.mixed_.contains(row.user) && seen.insert({row.user, row.dims}).second) {
        index.mixed_combinations_.push_back({row.user, row.dims});
      }
    }
  }
  size_t bytes = BitmapBytes(index.everyone_) + BitmapBytes(index.mixed_);
  for (auto& [key, bitmap] : index.by_person_value_) {
    bitmap.runOptimize();
    bytes += BitmapBytes(bitmap) + 64;
  }
  for (auto& [key, bitmap] : index.by_content_) {
    bitmap.runOptimize();
    bytes += BitmapBytes(bitmap) + 64;
  }
  bytes += (index.combinations_.size() + index.person_combinations_.size()) * (sizeof(Dimensions) + sizeof(Counts) + 8);
  bytes += index.mixed_combinations_.size() * sizeof(std::pair<uint32_t, Dimensions>);
  index.bytes_ = bytes;
  return index;
}

Roaring DayIndex::PeopleWithAny(Tag tag, const absl::flat_hash_set<uint8_t>& values) const {
  Roaring result;
  for (uint8_t value : values) {
    auto it = by_person_value_.find(Key(tag, value));
    if (it != by_person_value_.end()) result |= it->second;
  }
  return result;
}

Roaring DayIndex::PeopleWithContent(const absl::flat_hash_set<uint32_t>& contents) const {
  std::vector<const Roaring*> parts;
  if (contents.size() < by_content_.size()) {
    for (uint32_t content : contents) {
      auto it = by_content_.find(content);
      if (it != by_content_.end()) parts.push_back(&it->second);
    }
  } else {
    for (const auto& [content, bitmap] : by_content_) {
      if (contents.contains(content)) parts.push_back(&bitmap);
    }
  }
  if (parts.empty()) return Roaring();
  return Roaring::fastunion(parts.size(), parts.data());
}

Roaring DayIndex::People(const CodedFilter& filter) const {
  if (filter.no_content) return Roaring();
  const int constraints = filter.PersonConstraints() + (filter.ConstrainsContent() ? 1 : 0);
  if (constraints == 0) return everyone_;

  std::vector<Roaring> sets;
  if (!filter.authorities.empty()) sets.push_back(PeopleWithAny(kAuthority, filter.authorities));
  if (!filter.sectors.empty()) sets.push_back(PeopleWithAny(kSector, filter.sectors));
  if (!filter.roles.empty()) sets.push_back(PeopleWithAny(kRole, filter.roles));
  if (!filter.simds.empty()) sets.push_back(PeopleWithAny(kSimd, filter.simds));
  if (filter.ConstrainsContent()) sets.push_back(PeopleWithContent(filter.contents));
  Roaring people = std::move(sets.front());
  for (size_t i = 1; i < sets.size(); ++i) people &= sets[i];
  if (constraints == 1 || mixed_.isEmpty()) return people;

  // Intersections can pair one event's authority with another's content for
  // a mixed person: decide those people from their own combinations.
  people -= mixed_;
  for (const auto& [user, dims] : mixed_combinations_) {
    if (filter.Matches(dims)) people.add(user);
  }
  return people;
}

void DayIndex::AddCounts(const CodedFilter& filter, Counts& sum) const {
  if (filter.no_content) return;
  ForEachCombination(filter.ConstrainsContent(), [&](const Dimensions& dims, const Counts& counts) {
    if (filter.Matches(dims)) sum.Add(counts);
  });
}

}  // namespace wp::westos
