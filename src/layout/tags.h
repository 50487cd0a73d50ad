#pragma once
// Builds the logical structure (model::Tag tree) while blocks are laid out:
// reading order is the order blocks are added, whatever the page geometry.
#include <string>
#include <vector>

#include "model/paged.h"

namespace jan20::layout {

class TagTree {
 public:
  TagTree() { tags_.push_back({"Document", -1, {}, {}, {}, {}}); }
  int add(int parent, std::string role, std::string lang = {}, std::string alt = {}) {
    int id = static_cast<int>(tags_.size());
    tags_.push_back({std::move(role), parent, {}, std::move(alt), std::move(lang), {}});
    tags_[static_cast<size_t>(parent)].children.push_back(id);
    return id;
  }
  model::Tag& operator[](int id) { return tags_[static_cast<size_t>(id)]; }
  std::vector<model::Tag> take() { return std::move(tags_); }

 private:
  std::vector<model::Tag> tags_;
};

}  // namespace jan20::layout
