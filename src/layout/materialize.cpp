#include "layout/materialize.h"

#include "layout/ornaments.h"
#include "layout/page_geometry.h"

namespace jan20::layout {

namespace {

void translate(model::PageItem& item, double dx, double dy) {
  std::visit([&](auto& it) {
    using T = std::decay_t<decltype(it)>;
    if constexpr (std::is_same_v<T, model::Path>) {
      for (auto& s : it.segments) {
        s.x1 += dx, s.y1 += dy, s.x2 += dx, s.y2 += dy, s.x3 += dx, s.y3 += dy;
      }
    } else {
      it.x += dx;
      it.y += dy;
    }
  }, item);
}

const model::MasterPage* master_of(const model::Design& d, const std::string& name) {
  auto it = d.masters.find(name);
  if (it != d.masters.end()) return &it->second;
  it = d.masters.find("body");
  return it != d.masters.end() ? &it->second : nullptr;
}

std::string fill_template(std::string t, const std::string& page, const std::string& title,
                          const std::string& section) {
  auto replace = [&](const std::string& key, const std::string& value) {
    for (size_t pos; (pos = t.find(key)) != std::string::npos;) t.replace(pos, key.size(), value);
  };
  replace("{page}", page);
  replace("{title}", title);
  replace("{section}", section);
  // A template such as "{title} · {section}" on a page with no section yet
  // loses its dangling separator.
  while (!t.empty() && t.back() == ' ') t.pop_back();
  for (const char* sep : {" \xC2\xB7", " \xE2\x80\x94", " \xE2\x80\x93", " |", " -", " /"}) {
    std::string tail = sep;
    while (t.size() >= tail.size() && t.compare(t.size() - tail.size(), tail.size(), tail) == 0) t.resize(t.size() - tail.size());
    std::string head = std::string(sep).substr(1) + " ";
    while (t.rfind(head, 0) == 0) t.erase(0, head.size());
  }
  while (!t.empty() && t.back() == ' ') t.pop_back();
  while (!t.empty() && t.front() == ' ') t.erase(0, 1);
  return t;
}

// The page holds a table of contents entry (a link to a heading of the document).
bool holds_contents(const std::vector<VerticalEntry>& entries, const PageFlow& page) {
  for (const auto& column : page.columns)
    for (const PlacedEntry& placed : column)
      if (entries[placed.entry].contents_entry) return true;
  return false;
}

}  // namespace

std::string page_label(const model::Design& design, const std::string& master, int page_index) {
  const model::MasterPage* m = master_of(design, master);
  if (m && !m->numbered) return "";
  return std::to_string(page_index + 1);
}

std::vector<HeadingPlace> find_headings(const std::vector<VerticalEntry>& entries, const std::vector<PageFlow>& flow,
                                        const model::Design& design) {
  std::vector<HeadingPlace> out;
  for (size_t p = 0; p < flow.size(); ++p) {
    std::vector<ColumnBox> cols = columns_of(design, static_cast<int>(p));
    for (size_t c = 0; c < flow[p].columns.size(); ++c)
      for (const PlacedEntry& placed : flow[p].columns[c]) {
        const VerticalEntry& v = entries[placed.entry];
        if (v.notes().heading_level == 0) continue;
        const bool at_top = c == 0 && &placed == &flow[p].columns[c].front();
        out.push_back({v.notes().heading_title, v.notes().anchor, v.notes().heading_level, static_cast<int>(p),
                       cols[std::min(c, cols.size() - 1)].y + placed.y, v.in_contents, at_top});
      }
  }
  return out;
}

std::vector<model::Page> materialize(std::vector<VerticalEntry>& entries, const std::vector<PageFlow>& flow,
                                     const model::Design& design, BlockBuilder& decorations,
                                     const model::Document& doc, std::vector<model::OutlineEntry>* outline) {
  std::vector<model::Page> pages;
  pages.reserve(flow.size());
  std::map<std::string, Anchor> anchors;
  std::vector<HeadingPlace> headings = find_headings(entries, flow, design);
  for (const HeadingPlace& h : headings) anchors[h.anchor] = {h.page, h.y};

  size_t next_heading = 0;
  std::string section;
  std::vector<model::PageItem> body;  // a page's items from its lines, reused from page to page
  for (size_t p = 0; p < flow.size(); ++p) {
    const int index = static_cast<int>(p);
    model::Page page;
    page.width = design.page_width;
    page.height = design.page_height;
    page.bleed = design.bleed;
    const model::MasterPage* master = flow[p].blank && flow[p].master.empty() ? nullptr : master_of(design, flow[p].master);
    page.label = flow[p].blank && !master ? "" : page_label(design, flow[p].master, index);

    // The running header shows the section current at the top of the page:
    // the one that opens it, else the last one opened before it. Page kinds
    // (book conventions): no running head where a section opens the page or
    // on the contents, nothing on a blank page, unless the master says so.
    // (A section that runs on below the top leaves the page its head.)
    bool opening = false;
    std::string opened_here;
    while (next_heading < headings.size() && headings[next_heading].page <= index) {
      const HeadingPlace& h = headings[next_heading];
      if (h.level == 1 && h.in_contents) {
        if (h.at_top) {
          section = h.title;
          opening = true;
        }
        opened_here = h.title;
      }
      ++next_heading;
    }
    const std::string section_below = opened_here.empty() ? section : opened_here;
    const bool contents_page = holds_contents(entries, flow[p]);
    if (master) {
      if (!master->background.empty()) {
        auto color = design.colors.find(master->background);
        if (color != design.colors.end()) {
          model::Path bg = rectangle(-design.bleed, -design.bleed, page.width + 2 * design.bleed,
                                     page.height + 2 * design.bleed, color->second);
          bg.bleeds = true;
          page.items.push_back(bg);
        }
      }
      for (const model::Ornament& o : master->ornaments)
        for (model::Path& path : draw_ornament(o, design, doc.meta.url)) page.items.push_back(std::move(path));
      ColumnBox area = text_area(design, index);
      auto running = [&](const std::string& tmpl, const std::string& style_name, bool top) {
        if (tmpl.empty()) return;
        std::string text = fill_template(tmpl, page.label, doc.meta.title, section);
        if (text.empty() || (tmpl.find("{page}") != std::string::npos && page.label.empty())) return;
        model::Span span;
        span.text = text;
        model::Align align = top ? (design.facing ? (is_recto(index) ? model::Align::Right : model::Align::Left)
                                                  : model::Align::Center)
                                 : model::Align::Center;
        const ResolvedStyle& style = decorations.style_for(style_name.empty() ? (top ? "header" : "footer") : style_name);
        std::vector<text::Line> lines = decorations.typeset_text({span}, style, doc.meta.language, area.width, -1, align, false);
        if (lines.empty()) return;
        double baseline = top ? area.y - style.paragraph.leading
                              : area.y + area.height + style.paragraph.leading * 1.6;
        for (model::GlyphRun run : lines.front().runs) {
          run.x += area.x;
          run.y = baseline;
          run.tag = -1;  // running heads and folios are artifacts
          page.items.push_back(std::move(run));
        }
      };
      const bool head = master->running_head && !flow[p].blank && (!opening || master->head_on_opening) &&
                        (!contents_page || master->head_on_contents);
      if (head) running(master->header, master->header_style, true);
      if (master->folio && !flow[p].blank) running(master->footer, master->footer_style, false);
    }

    std::vector<ColumnBox> cols = columns_of(design, index);
    // A cover is centred on the trimmed page, not on the text area that
    // facing margins push towards the spine.
    double centre_shift = 0;
    if (master && master->centre_on_trim) {
      ColumnBox area = text_area(design, index);
      centre_shift = (design.page_width - area.width) / 2 - area.x;
    }
    for (size_t c = 0; c < flow[p].columns.size(); ++c) {
      ColumnBox col = cols[std::min(c, cols.size() - 1)];
      col.x += centre_shift;
      for (const PlacedEntry& placed : flow[p].columns[c]) {
        for (model::PageItem& placed_item : entries[placed.entry].items) {
          model::PageItem item = std::move(placed_item);
          translate(item, col.x, col.y + placed.y);
          if (auto* link = std::get_if<model::Link>(&item); link && link->uri.rfind('#', 0) == 0) {
            auto a = anchors.find(link->uri.substr(1));
            if (a == anchors.end()) continue;
            link->uri.clear();
            link->dest_page = a->second.page;
            link->dest_y = a->second.y;
          }
          body.push_back(std::move(item));
        }
        EntryItems().swap(entries[placed.entry].items);  // its chunk goes once all its lists have
      }
    }
    // The page's list is allocated once at its size, after its lines' lists
    // are freed, so that it can take their place (a long book holds every
    // page's items until the writer draws them).
    page.items.reserve(page.items.size() + body.size());
    std::move(body.begin(), body.end(), std::back_inserter(page.items));
    body.clear();
    pages.push_back(std::move(page));
    section = section_below;
  }
  if (outline)
    for (const HeadingPlace& h : headings)
      if (h.in_contents) outline->push_back({h.title, h.level, h.page, h.y});
  return pages;
}

}  // namespace jan20::layout
