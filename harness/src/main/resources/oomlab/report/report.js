// Draws the report's charts with ECharts (inlined above) from the data block the harness wrote.
// Every chart is an ECharts chart; window.oomlabCharts lists each one with its series count for tests.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('oomlab-data').textContent);
  window.oomlabCharts = [];

  // The page itself, from the data: elements made here, text set as text.
  function el(tag, attributes, text) {
    var element = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (attributes[name] !== null && attributes[name] !== undefined) { element.setAttribute(name, attributes[name]); }
    });
    if (text !== undefined && text !== null) { element.textContent = text; }
    return element;
  }
  // Links are the report's own: an anchor on this page or a file beside it, never another kind of URL.
  function safeHref(href) { return /^(#|\.\/)/.test(href) ? href : '#'; }
  function link(text, href) { return el('a', { href: safeHref(href) }, text); }
  function table(t) {
    var element = el('table', { id: t.id, 'class': t.cls });
    var head = el('tr');
    t.header.forEach(function (name) { head.appendChild(el('th', {}, name)); });
    element.appendChild(head);
    t.rows.forEach(function (row) {
      var tr = el('tr', { 'class': row.cls });
      row.cells.forEach(function (cell) {
        var td = el('td', { 'class': cell.cls });
        if (cell.href) { td.appendChild(link(cell.text, cell.href)); } else { td.textContent = cell.text; }
        tr.appendChild(td);
      });
      element.appendChild(tr);
    });
    return element;
  }
  function details(d) {
    var block = el('details', { id: d.anchor });
    block.appendChild(el('summary', {}, d.summary));
    if (d.diagnosis) { block.appendChild(el('p', { 'class': 'diagnosis' }, d.diagnosis)); }
    if (d.note) {
      var note = el('p', {}, d.note);
      d.noteLinks.forEach(function (l) { note.appendChild(document.createTextNode(' ')); note.appendChild(link(l.text, l.href)); });
      block.appendChild(note);
    }
    d.tables.forEach(function (t) { block.appendChild(table(t)); });
    var facts = el('table');
    d.facts.forEach(function (fact) {
      var tr = el('tr');
      tr.appendChild(el('th', {}, fact.name));
      var td = el('td');
      td.appendChild(el('pre', {}, fact.value));
      tr.appendChild(td);
      facts.appendChild(tr);
    });
    block.appendChild(facts);
    block.appendChild(table(d.checks));
    var files = el('p', {}, 'Files: ');
    d.files.forEach(function (l) { files.appendChild(link(l.text, l.href)); files.appendChild(document.createTextNode(' ')); });
    block.appendChild(files);
    block.appendChild(el('pre', {}, d.nmtDiff));
    return block;
  }
  var page = document.getElementById('report');
  document.getElementById('meta').textContent = data.meta;
  page.appendChild(table(data.overview));
  data.scenarios.forEach(function (scenario) {
    page.appendChild(el('h2', { id: scenario.name }, scenario.name));
    page.appendChild(el('p', { 'class': 'headline', id: scenario.curvesId + '-headline' }, scenario.headline));
    if (scenario.cures) { page.appendChild(el('div', { 'class': 'chart cures', id: scenario.cures.id })); }
    var row = el('div', { 'class': scenario.serviceId ? 'side-by-side' : '' });
    row.appendChild(el('div', { 'class': 'chart', id: scenario.curvesId }));
    if (scenario.serviceId) { row.appendChild(el('div', { 'class': 'chart', id: scenario.serviceId })); }
    page.appendChild(row);
    if (scenario.refaultsId) { page.appendChild(el('div', { 'class': 'chart refaults', id: scenario.refaultsId })); }
    page.appendChild(el('h3', {}, 'Native Memory Tracking per run'));
    var grid = el('div', { 'class': 'nmt-grid' });
    scenario.runs.forEach(function (run) { grid.appendChild(el('div', { 'class': 'chart', id: run.nmtId })); });
    page.appendChild(grid);
    page.appendChild(el('h3', {}, 'Runs'));
    scenario.runs.forEach(function (run) { page.appendChild(details(run.details)); });
  });

  function chart(id, option) {
    var element = document.getElementById(id);
    var instance = echarts.init(element, null, { renderer: 'svg' });
    instance.setOption(option);
    window.oomlabCharts.push({ id: id, series: option.series.length });
    window.addEventListener('resize', function () { instance.resize(); });
  }

  function mb(v) { return Math.round(v) + ' MB'; }

  // ECharts stacks on the first value dimension of a chart whose two axes are both 'value', i.e. it would add
  // up the times; on a 'time' axis it stacks the megabytes, as meant. Times are seconds since the container
  // started, shown as such.
  function asTime(points) { return points.map(function (p) { return [p[0] * 1000, p[1]]; }); }
  function seconds(ms) { return (Math.round(ms / 100) / 10) + ' s'; }

  data.scenarios.forEach(function (scenario) {
    var series = scenario.runs.map(function (run) {
      return {
        name: run.run, type: 'line', showSymbol: false, sampling: 'lttb', data: run.cgroupMb,
        markPoint: run.kill ? {
          symbol: 'pin', symbolSize: 44, label: { formatter: 'killed', fontSize: 10 },
          data: [{ name: 'killed', coord: run.kill, value: 'killed' }]
        } : undefined
      };
    });
    // the cap and the heap as reference lines, on a series of their own so they show in no run's colour
    series.push({
      name: 'cap / heap', type: 'line', data: [], showSymbol: false,
      lineStyle: { color: '#666' }, itemStyle: { color: '#666' },
      markLine: {
        symbol: 'none', lineStyle: { type: 'dashed', color: '#666' },
        data: [
          { yAxis: scenario.capMb, name: 'cap', label: { formatter: 'cap ' + scenario.capMb + ' MB', position: 'insideEndTop' } },
          { yAxis: scenario.heapMb, name: 'heap', label: { formatter: 'heap ' + scenario.heapMb + ' MB', position: 'insideEndTop' } }
        ]
      }
    });
    chart(scenario.curvesId, {
      title: { text: scenario.name + ': container memory (cgroup) by configuration', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', valueFormatter: mb },
      legend: { top: 24, type: 'scroll' },
      grid: { top: 64, left: 64, right: 40, bottom: 40 },
      xAxis: { type: 'value', name: 's', min: 0 },
      yAxis: { type: 'value', name: 'MB', max: Math.ceil(scenario.capMb * 1.08) },
      series: series
    });
    if (scenario.serviceId) {
      // beside the memory curve: what each configuration costs at the same traffic, CPU and latency over time
      var serviceSeries = [];
      scenario.runs.forEach(function (run) {
        if (run.cpuCores.length) {
          var cpu = { name: run.run + ' CPU', type: 'line', showSymbol: false, data: run.cpuCores, yAxisIndex: 0 };
          if (run.steadyS) {
            // where the lab measured this run's steady cost (its JIT settled), shaded in the run's own colour
            cpu.markArea = { silent: true, itemStyle: { opacity: 0.12 },
                             data: [[{ name: 'steady', xAxis: run.steadyS[0] }, { xAxis: run.steadyS[1] }]] };
          }
          serviceSeries.push(cpu);
        }
        if (run.p99Ms.length) {
          serviceSeries.push({ name: run.run + ' p99', type: 'line', showSymbol: true, symbolSize: 5, data: run.p99Ms,
                               yAxisIndex: 1, lineStyle: { type: 'dashed' } });
        }
      });
      chart(scenario.serviceId, {
        title: { text: scenario.name + ': CPU (cores) and p99 (ms) over time', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis' },
        legend: { top: 24, type: 'scroll' },
        grid: { top: 64, left: 56, right: 56, bottom: 40 },
        xAxis: { type: 'value', name: 's', min: 0 },
        yAxis: [{ type: 'value', name: 'cores' }, { type: 'log', name: 'p99 ms', logBase: 10 }],
        series: serviceSeries
      });
    }
    if (scenario.cures) {
      // the cost of each cure (its interval as a bar) against how close it came to the cap; killed ones apart
      function errorBars(points) {
        return {
          name: 'interval', type: 'custom', data: points.map(function (p) { return [p.peakOfCap, p.low, p.high]; }),
          renderItem: function (params, api) {
            var low = api.coord([api.value(0), api.value(1)]);
            var high = api.coord([api.value(0), api.value(2)]);
            return { type: 'group', children: [
              { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style: { stroke: '#555', lineWidth: 1.5 } },
              { type: 'line', shape: { x1: low[0] - 5, y1: low[1], x2: low[0] + 5, y2: low[1] }, style: { stroke: '#555' } },
              { type: 'line', shape: { x1: high[0] - 5, y1: high[1], x2: high[0] + 5, y2: high[1] }, style: { stroke: '#555' } }
            ] };
          }
        };
      }
      function points(survived) {
        return scenario.cures.points.filter(function (p) { return p.survived === survived; })
          .map(function (p) { return { value: [p.peakOfCap, p.ratio], name: p.label }; });
      }
      chart(scenario.cures.id, {
        title: { text: scenario.cures.title, textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'item', formatter: function (p) { return p.name || ''; } },
        legend: { top: 24 },
        grid: { top: 64, left: 64, right: 40, bottom: 48 },
        xAxis: { type: 'value', name: 'peak / cap', min: 0, max: 1.05 },
        yAxis: { type: 'value', name: 'CPU ratio', scale: true },
        series: [
          { name: 'survived every run', type: 'scatter', symbolSize: 12, itemStyle: { color: '#1a7f37' }, data: points(true),
            label: { show: true, position: 'right', formatter: function (p) { return p.name.split(' ')[0]; }, fontSize: 11 },
            markLine: { symbol: 'none', lineStyle: { type: 'dashed', color: '#666' },
                        data: [{ yAxis: 1, label: { formatter: 'the original', position: 'insideStartTop' } }] } },
          { name: 'killed', type: 'scatter', symbol: 'triangle', symbolSize: 12, itemStyle: { color: '#c62828' },
            data: points(false),
            label: { show: true, position: 'left', formatter: function (p) { return p.name.split(' ')[0]; }, fontSize: 11 } },
          errorBars(scenario.cures.points)
        ]
      });
    }
    if (scenario.refaultsId) {
      // under the memory curve: the thrash at the cap, the kernel reading the container's own files again
      chart(scenario.refaultsId, {
        title: { text: scenario.name + ': own file pages re-read by the kernel (MB/s), the thrash at the cap',
                 textStyle: { fontSize: 13 } },
        tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + ' MB/s'; } },
        legend: { top: 22, type: 'scroll' },
        grid: { top: 56, left: 64, right: 40, bottom: 36 },
        xAxis: { type: 'value', name: 's', min: 0 },
        yAxis: { type: 'value', name: 'MB/s' },
        series: scenario.runs.map(function (run) {
          return { name: run.run, type: 'line', showSymbol: false, data: run.refaultMbPerS };
        })
      });
    }
    scenario.runs.forEach(function (run) {
      if (!run.nmt) { return; }
      var nmtSeries = run.nmt.categories.map(function (category) {
        return { name: category.name, type: 'line', stack: 'nmt', areaStyle: {}, showSymbol: false,
                 lineStyle: { width: 0.5 }, data: asTime(category.mb) };
      });
      nmtSeries.push({ name: 'container (cgroup)', type: 'line', showSymbol: false,
                       lineStyle: { width: 2, color: '#111' }, itemStyle: { color: '#111' },
                       data: asTime(run.cgroupMb) });
      chart(run.nmtId, {
        title: { text: run.run + ': NMT committed by category, and the container', textStyle: { fontSize: 13 } },
        tooltip: { trigger: 'axis', valueFormatter: mb },
        legend: { top: 22, type: 'scroll' },
        grid: { top: 60, left: 60, right: 20, bottom: 36 },
        xAxis: { type: 'time', min: 0, axisLabel: { formatter: seconds },
                 axisPointer: { label: { formatter: function (p) { return seconds(p.value); } } } },
        yAxis: { type: 'value', name: 'MB', max: Math.ceil(scenario.capMb * 1.08) },
        series: nmtSeries
      });
    });
  });
  document.body.setAttribute('data-charts-drawn', String(window.oomlabCharts.length));
})();
