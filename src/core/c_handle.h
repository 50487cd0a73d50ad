#pragma once
// Owning an object of a C library (FreeType, HarfBuzz, fontconfig, ICU,
// libqrencode, libhyphen, libharu, libdeflate): CHandle<T, release> is a
// std::unique_ptr<T> that calls `release` on it when it goes. The one way
// this code base owns a C handle; no hand-written deleters or destructors.
//
//   CHandle<hb_buffer_t, hb_buffer_destroy> buffer(hb_buffer_create());
//   CHandle<FT_FaceRec_, FT_Done_Face> face(raw);   // FT_Face is FT_FaceRec_*
//
// `release` may return a value (FT_Error, a pointer); it is ignored. A null
// handle is never released (std::unique_ptr's rule).
#include <memory>

namespace jan20 {

template <auto release>
struct ReleaseWith {
  template <class T>
  void operator()(T* handle) const noexcept {
    release(handle);
  }
};

template <class T, auto release>
using CHandle = std::unique_ptr<T, ReleaseWith<release>>;

}  // namespace jan20
