#include "layout/paragraph_key.h"

#include <array>
#include <cstring>
#include <type_traits>
#include <vector>

namespace jan20::layout {

namespace {

class KeyWriter {
 public:
  explicit KeyWriter(std::string& out) : out_(out) {}

  template <class T>
  void write(const T& value) {
    if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T> || std::is_pointer_v<T>) {
      char bytes[sizeof(T)];
      std::memcpy(bytes, &value, sizeof(T));
      out_.append(bytes, sizeof(T));
    } else if constexpr (std::is_same_v<T, std::string>) {
      write(value.size());
      out_ += value;
    } else if constexpr (requires { value.size(); value.begin(); }) {  // std::vector, std::array
      write(value.size());
      for (const auto& element : value) write(element);
    } else {
      std::apply([this](const auto&... field) { (write(field), ...); }, Fields<T>::of(value));
    }
  }

 private:
  std::string& out_;
};

}  // namespace

std::string paragraph_key(const text::ParagraphInput& input) {
  std::string key;
  key.reserve(input.text.size() + 128 * input.spans.size() + 160);
  KeyWriter(key).write(input);
  return key;
}

}  // namespace jan20::layout
