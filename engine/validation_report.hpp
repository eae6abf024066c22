// The result of a model's virtual experiments: one row per published target (published value,
// model value, tolerance, pass or known failure) and the series to plot model against data.
// Produced by ModelAdapter::validate, written by `myoflux validate`, returned to Python; the
// fields of both records are described once, below.
#pragma once

#include <string>
#include <vector>

#include "engine/fields.hpp"

namespace myoflux {

struct ValidationRow {
  std::string id;
  std::string section;
  std::string what;
  std::string source;
  std::string published;
  std::string model;
  std::string tolerance;
  bool pass = false;
  std::string note;
};

template <>
struct Fields<ValidationRow> {
  template <class V, class... R>
  static void visit(V&& v, R&... r) {
    v(Field{"id", "", "the target, e.g. estes2017_hiit_csa"}, r.id...);
    v(Field{"section", "", "where TARGETS.md states it, e.g. TARGETS.md section 0"}, r.section...);
    v(Field{"what", "", "what is compared"}, r.what...);
    v(Field{"source", "", "the study"}, r.source...);
    v(Field{"published", "", "the published value, with units"}, r.published...);
    v(Field{"model", "", "the model's value, with units"}, r.model...);
    v(Field{"tolerance", "", "how close counts as met, and why"}, r.tolerance...);
    v(Field{"pass", "", "met (bool)"}, r.pass...);
    v(Field{"note", "", "the reason for a known failure, or a remark"}, r.note...);
  }
};

/// One line (model) or set of points with error bars (data) in one figure.
struct PlotSeries {
  std::string figure;
  std::string title;
  std::string x_label;
  std::string y_label;
  std::string label;
  bool points = false;
  std::vector<double> x, y, y_error;
};

template <>
struct Fields<PlotSeries> {
  template <class V, class... R>
  static void visit(V&& v, R&... r) {
    v(Field{"figure", "", "file stem: all series of one figure are drawn together"}, r.figure...);
    v(Field{"title", "", "the figure's title"}, r.title...);
    v(Field{"x_label", "", "x axis label, with its unit"}, r.x_label...);
    v(Field{"y_label", "", "y axis label, with its unit"}, r.y_label...);
    v(Field{"label", "", "the legend entry"}, r.label...);
    v(Field{"points", "", "data points with error bars rather than a line (bool)"}, r.points...);
    v(Field{"x", "", "x values, in the x axis' unit"}, r.x...);
    v(Field{"y", "", "y values, in the y axis' unit"}, r.y...);
    v(Field{"y_error", "", "error bars (SEM or SD as the study gives), in the y unit"},
      r.y_error...);
  }
};

struct ValidationReport {
  std::vector<ValidationRow> rows;
  std::vector<PlotSeries> series;
};

}  // namespace myoflux
