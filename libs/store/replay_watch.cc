#include "libs/store/replay_watch.h"

namespace wp::store {
namespace {

ReplayWatch*& Current() {
  thread_local ReplayWatch* current = nullptr;
  return current;
}

}  // namespace

ReplayWatch::ReplayWatch() : previous_(Current()) { Current() = this; }

ReplayWatch::~ReplayWatch() { Current() = previous_; }

void NoteReplay(absl::string_view recorded) {
  ReplayWatch* watch = Current();
  if (watch == nullptr || watch->replayed()) return;
  // A metadata value must be printable ASCII; resource names are, but a
  // stray byte must not cost the client its answer.
  watch->replay_of_.reserve(recorded.size());
  for (char c : recorded) watch->replay_of_.push_back(c >= 0x20 && c <= 0x7e ? c : '?');
}

}  // namespace wp::store
