#pragma once
// Builds the logical structure (model::Tag tree) while blocks are laid out:
// reading order is the order blocks are added, whatever the page geometry.
// Where blocks are set in another order than they are read (the poster sets
// frame by frame), each top-level element remembers its block, and
// sort_by_block() puts the Document's children back in content order.
#include <algorithm>
#include <string>
#include <vector>

#include "model/paged.h"

namespace jan20::layout {

class TagTree {
 public:
  TagTree() {
    tags_.push_back({"Document", -1, {}, {}, {}, {}});
    block_of_.push_back(-1);
  }
  int add(int parent, std::string role, std::string lang = {}, std::string alt = {}) {
    int id = static_cast<int>(tags_.size());
    tags_.push_back({std::move(role), parent, {}, std::move(alt), std::move(lang), {}});
    block_of_.push_back(block_);
    tags_[static_cast<size_t>(parent)].children.push_back(id);
    return id;
  }
  model::Tag& operator[](int id) { return tags_[static_cast<size_t>(id)]; }
  int size() const { return static_cast<int>(tags_.size()); }

  // The language an element is read in: its own /Lang or its nearest
  // ancestor's, else the document's.
  std::string lang_of(int id, const std::string& document_lang) const {
    for (int t = id; t >= 0 && static_cast<size_t>(t) < tags_.size(); t = tags_[static_cast<size_t>(t)].parent)
      if (!tags_[static_cast<size_t>(t)].lang.empty()) return tags_[static_cast<size_t>(t)].lang;
    return document_lang;
  }

  // The content block (its index in Document::blocks) that the next tags
  // belong to.
  void set_block(int block) { block_ = block; }
  // Orders the Document's children by their blocks (stable: the elements of
  // one block keep their order).
  void sort_by_block() {
    std::vector<int>& kids = tags_[0].children;
    std::stable_sort(kids.begin(), kids.end(), [this](int a, int b) {
      return block_of_[static_cast<size_t>(a)] < block_of_[static_cast<size_t>(b)];
    });
  }

  // The tags, kept until the structure tree is written after the last page.
  // Not shrunk to their size, as BlockBuilder::take's list is not: the copy
  // would come when the most memory is held.
  std::vector<model::Tag> take() {
    return std::move(tags_);
  }

 private:
  std::vector<model::Tag> tags_;
  std::vector<int> block_of_;  // per tag
  int block_ = -1;
};

}  // namespace jan20::layout
